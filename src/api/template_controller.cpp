#include "api/template_controller.h"

#include "api/json_body.h"
#include "api/query_params.h"
#include "common/guid.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

constexpr const char* kBase = "/api/templates";

Json template_summary_json(const storage::TemplateRecord& t) {
    return Json{{"templateId", t.id},
                {"name", t.name},
                {"description", t.description},
                {"category", t.category},
                {"processName", optional_json(t.process_name)},
                {"tenantId", optional_json(t.tenant_id)},
                {"isGlobal", !t.tenant_id.has_value()},
                {"hasThumbnail", t.has_thumbnail},
                {"autoAddedDefaultSortOrder", t.auto_added_default_sort_order},
                {"dateCreated", t.date_created},
                {"dateModified", t.date_modified},
                {"createdByName", t.created_by_name},
                {"modifiedByName", t.modified_by_name}};
}

Json template_detail_json(const storage::TemplateRecord& t) {
    return Json{{"templateId", t.id},
                {"name", t.name},
                {"description", t.description},
                {"category", t.category},
                {"processName", optional_json(t.process_name)},
                {"mclText", t.mcl_text},
                {"tenantId", optional_json(t.tenant_id)},
                {"isGlobal", !t.tenant_id.has_value()},
                {"hasThumbnail", t.has_thumbnail},
                {"autoAddedDefaultSortOrder", t.auto_added_default_sort_order},
                {"originatingNotebookId", optional_json(t.originating_notebook_id)},
                {"dateCreated", t.date_created},
                {"dateModified", t.date_modified},
                {"createdBy", optional_json(t.created_by)},
                {"createdByName", t.created_by_name},
                {"modifiedBy", optional_json(t.modified_by)},
                {"modifiedByName", t.modified_by_name}};
}

Response template_list(const std::vector<storage::TemplateRecord>& templates) {
    Json items = Json::array();
    for (const auto& record : templates) items.push_back(template_summary_json(record));
    return Response::json(200, Json{{"templates", items}, {"totalCount", templates.size()}});
}

services::TemplateInput template_input(const JsonBody& body) {
    return {body.string("name"),
            body.string("description"),
            body.string("mclText"),
            body.string("category"),
            body.string("processName"),
            body.boolean("isGlobal"),
            body.integer("autoAddedDefaultSortOrder")};
}

RouteSpec template_route(std::string method, std::string pattern, std::string summary,
                         std::vector<ResponseDoc> responses, bool has_json_body = false) {
    return {.method = std::move(method),
            .pattern = std::move(pattern),
            .tag = "Template",
            .summary = std::move(summary),
            .access = Access::GlobalKey,
            .has_json_body = has_json_body,
            .responses = std::move(responses)};
}

}  // namespace

void register_template_routes(Router& router, services::TemplateService& templates) {
    const std::string one = std::string(kBase) + "/{templateId}";
    const std::string of_tenant = std::string(kBase) + "/tenant/{tenantId}";
    router.add(template_route("GET", kBase, "List the global templates",
                              {{200, "{templates, totalCount}"}}),
               [&templates](Request&) { return template_list(templates.list_global()); });
    router.add(template_route("GET", of_tenant, "List a tenant's templates (global included)",
                              {{200, "{templates, totalCount}"}, {404, "Tenant not found"}}),
               [&templates](Request& request) {
                   return template_list(templates.list_for_tenant(request.param("tenantId")));
               });
    router.add(
        template_route("GET", std::string(kBase) + "/category/{category}",
                       "List templates of a category (Templates, Custom, BaseKnowledge); "
                       "?tenantId= limits tenant templates to that tenant",
                       {{200, "{templates, totalCount}"},
                        {400, "Unknown category or malformed tenantId"},
                        {404, "Tenant not found"}}),
        [&templates](Request& request) {
            auto tenant_id = string_from_query(request, "tenantId");
            if (tenant_id) {
                if (!is_guid(*tenant_id)) {
                    throw ServiceError::validation({"Query parameter 'tenantId' must be a GUID"});
                }
                tenant_id = normalize_guid(*tenant_id);
            }
            return template_list(templates.list_by_category(request.param("category"), tenant_id));
        });
    router.add(template_route("GET", one, "Get a template with its MCL text",
                              {{200, "Template"}, {404, "Template not found"}}),
               [&templates](Request& request) {
                   return Response::json(
                       200, template_detail_json(templates.get(request.param("templateId"))));
               });
    router.add(template_route("GET", one + "/thumbnail", "Get a template's thumbnail image",
                              {{200, "The image (image/jpeg or image/png)"},
                               {404, "Template or thumbnail not found"}}),
               [&templates](Request& request) {
                   const auto image = templates.thumbnail(request.param("templateId"));
                   Response response;
                   response.content_type = image.mime_type;
                   response.body = image.image;
                   return response;
               });
    router.add(template_route("PUT", one + "/thumbnail",
                              "Set a tenant template's thumbnail from {base64Image} (PNG or JPEG "
                              "data URI, at most 1 MiB; pmstudio addition)",
                              {{200, "{message, templateId}"},
                               {400, "Not an image, or a global template"},
                               {404, "Template not found"}},
                              true),
               [&templates](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   const auto image = body.string("base64Image");
                   if (!image) throw ServiceError::validation({"base64Image is required"});
                   const auto& template_id = request.param("templateId");
                   templates.put_thumbnail(template_id, *image);
                   return Response::json(200, Json{{"message", "Thumbnail updated successfully"},
                                                   {"templateId", template_id}});
               });
    router.add(template_route("POST", of_tenant, "Create a tenant template from MCL text",
                              {{201, "Template"},
                               {400, "Validation failed (names the MCL problem)"},
                               {404, "Tenant not found"},
                               {409, "A template with this name already exists"}},
                              true),
               [&templates](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   return Response::json(
                       201, template_detail_json(templates.create(request.authenticated_caller(),
                                                                  request.param("tenantId"),
                                                                  template_input(body))));
               });
    router.add(template_route("PUT", one, "Update a tenant template; absent fields are unchanged",
                              {{200, "Template"},
                               {400, "Validation failed, or a global template"},
                               {404, "Template not found"},
                               {409, "A template with this name already exists"}},
                              true),
               [&templates](Request& request) {
                   const auto body = JsonBody::parse(request.body, true);
                   return Response::json(
                       200, template_detail_json(templates.update(request.authenticated_caller(),
                                                                  request.param("templateId"),
                                                                  template_input(body))));
               });
    router.add(template_route("DELETE", one, "Delete a tenant template",
                              {{200, "{message}"},
                               {400, "Cannot delete global templates"},
                               {404, "Template not found"}}),
               [&templates](Request& request) {
                   templates.remove(request.param("templateId"));
                   return Response::json(200, Json{{"message", "Template deleted successfully"}});
               });
}

}  // namespace pmstudio::api
