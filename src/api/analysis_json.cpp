#include "api/analysis_json.h"

namespace pmstudio::api {
Json investigation_json(const storage::InvestigationRecord& i) {
    return Json{{"investigationId", i.id},
                {"projectId", i.project_id},
                {"investigationName", i.name},
                {"investigationDescription", i.description},
                {"datasetId", i.dataset_id},
                {"dateCreated", i.date_created},
                {"dateModified", i.date_modified},
                {"createdBy", i.created_by},
                {"modifiedBy", i.modified_by},
                {"investigationOrder", i.investigation_order},
                {"isUsedForOperationCenter", i.is_used_for_operation_center},
                {"investigationFolderId", optional_json(i.folder_id)},
                {"notebookCount", i.notebook_count}};
}

Json notebook_json(const storage::NotebookRecord& n) {
    return Json{{"notebookId", n.id},
                {"investigationId", n.investigation_id},
                {"name", n.name},
                {"description", n.description},
                {"dateCreated", n.date_created},
                {"dateModified", n.date_modified},
                {"createdBy", n.created_by},
                {"modifiedBy", optional_json(n.modified_by)},
                {"notebookType", n.notebook_type},
                {"notebookOrder", n.notebook_order},
                {"lastExecutionDuration", n.last_execution_duration},
                {"blockCount", n.block_count}};
}

Json block_json(const storage::BlockRecord& b) {
    return Json{{"blockId", b.id},
                {"blockType", b.block_type},
                {"operatorName", b.operator_name},
                {"name", b.name},
                {"description", b.description},
                {"parentId", optional_json(b.parent_id)},
                {"order", b.position},
                {"configuration", b.configuration},
                {"dateCreated", b.date_created},
                {"createdBy", b.created_by},
                {"dateModified", b.date_modified},
                {"isActive", !b.is_disabled},
                {"isDashboardBlock", b.is_dashboard_block}};
}

Json block_detail_json(const storage::BlockRecord& b) {
    return Json{{"blockId", b.id},
                {"notebookId", b.notebook_id},
                {"blockType", b.block_type},
                {"blockTitle", b.name},
                {"blockDescription", b.description},
                {"blockOrder", b.position},
                {"configuration", b.configuration},
                {"isDisabled", b.is_disabled},
                {"dateCreated", b.date_created},
                {"dateModified", b.date_modified},
                {"createdBy", b.created_by},
                {"modifiedBy", b.modified_by},
                {"lastExecutionDate", optional_json(b.last_execution_date)},
                {"lastExecutionStatus", optional_json(b.last_execution_status)},
                {"executionCount", b.execution_count},
                {"operatorName", b.operator_name},
                {"parentId", optional_json(b.parent_id)},
                {"isDashboardBlock", b.is_dashboard_block}};
}

Json block_order_json(const std::string& notebook_id,
                      const std::vector<storage::BlockRecord>& chain) {
    Json order = Json::array();
    for (const auto& block : chain) {
        order.push_back(Json{{"blockId", block.id},
                             {"parentId", optional_json(block.parent_id)},
                             {"position", block.position + 1}});
    }
    return Json{{"notebookId", notebook_id},
                {"blockCount", chain.size()},
                {"blockOrder", std::move(order)}};
}

}  // namespace pmstudio::api
