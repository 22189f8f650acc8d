#include "services/analysis_lookup.h"

namespace pmstudio::services {

storage::InvestigationRecord require_investigation(storage::Store& store,
                                                   const std::string& project_id,
                                                   const std::string& investigation_id,
                                                   ErrorBody body) {
    auto investigation = store.investigations().find(project_id, investigation_id);
    if (!investigation) {
        const bool pascal = body == ErrorBody::PascalCase;
        throw ServiceError(ErrorKind::NotFound, "Investigation not found")
            .with(pascal ? "InvestigationId" : "investigationId", investigation_id)
            .written_as(body);
    }
    return *investigation;
}

storage::NotebookRecord require_notebook(storage::Store& store, const std::string& project_id,
                                         const std::string& notebook_id) {
    auto notebook = store.notebooks().find(project_id, notebook_id);
    if (!notebook) {
        throw ServiceError(ErrorKind::NotFound, "Notebook not found")
            .with("NotebookId", notebook_id)
            .written_as(ErrorBody::PascalCase);
    }
    return *notebook;
}

storage::BlockRecord require_block(storage::Store& store, const std::string& project_id,
                                   const std::string& block_id) {
    auto block = store.blocks().find(project_id, block_id);
    if (!block) {
        throw ServiceError(ErrorKind::NotFound, "Block not found")
            .with("BlockId", block_id)
            .written_as(ErrorBody::PascalCase);
    }
    return *block;
}

}  // namespace pmstudio::services
