#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importers/mcl_document.h"
#include "services/notebook_content.h"
#include "storage/store.h"

// Stored analysis objects in their MCL form, for project packages (docs/project-transfer.md):
// the inverse of notebook_content's reading, so a notebook read back from its MCL has the same
// blocks, settings and MCL-only fields (kept in mcl_extra) it was written from.
namespace pmstudio::services {

// The notebook with its chain, dashboard blocks and its own dashboard's panels. pmstudio's own
// fields travel as extra keys: "Settings" (the template's MCL Settings) and "TemplateId".
importers::McNotebook notebook_to_mcl(const storage::NotebookRecord& notebook,
                                      const NotebookContent& content,
                                      const std::optional<storage::DashboardRecord>& dashboard);

importers::McDashboard dashboard_to_mcl(const storage::DashboardRecord& dashboard,
                                        const std::vector<storage::PanelRecord>& panels);

// A project dashboard read from MCL, with the source's ids (the importer assigns new ones);
// ThumbnailUrl, CopilotInitialStatus and unknown keys go to mcl_extra.
struct DashboardContent {
    storage::DashboardRecord dashboard;
    std::vector<storage::PanelRecord> panels;
};
DashboardContent dashboard_from_mcl(const importers::McDashboard& dashboard);

}  // namespace pmstudio::services
