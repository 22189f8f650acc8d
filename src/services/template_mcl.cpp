#include "services/template_mcl.h"

#include <fmt/format.h>

#include "importers/import_report.h"
#include "importers/mcl_reader.h"
#include "mining/block_validator.h"

namespace pmstudio::services {
namespace {

template <typename Block>
void check_blocks(const std::vector<Block>& blocks, const std::string& place,
                  std::vector<std::string>& errors) {
    for (size_t i = 0; i < blocks.size(); ++i) {
        const auto& block = blocks[i];
        const auto& settings = block.operator_settings.value;
        for (const auto& problem : mining::validate_block(
                 block.operator_type_name,
                 settings.is_null() ? nlohmann::json::object() : nlohmann::json(settings))) {
            errors.push_back(fmt::format("MCL {}[{}] '{}': {}", place, i,
                                         block.title.value_or(block.id), problem));
        }
    }
}

}  // namespace

std::vector<std::string> template_mcl_errors(std::string_view mcl_text,
                                             importers::McDocument& document) {
    try {
        document = importers::read_mcl(mcl_text);
    } catch (const importers::ImportError& error) {
        return {error.what()};
    }
    std::vector<std::string> errors;
    size_t block_count = 0;
    const auto& notebooks = document.notebooks.value_or(std::vector<importers::McNotebook>{});
    for (size_t i = 0; i < notebooks.size(); ++i) {
        check_blocks(notebooks[i].blocks, fmt::format("Notebooks[{}].Blocks", i), errors);
        check_blocks(notebooks[i].dashboard_blocks, fmt::format("Notebooks[{}].DashboardBlocks", i),
                     errors);
        block_count += notebooks[i].blocks.size() + notebooks[i].dashboard_blocks.size();
    }
    if (document.blocks) {
        check_blocks(*document.blocks, "Blocks", errors);
        block_count += document.blocks->size();
    }
    if (document.enrichment_blocks) {
        check_blocks(*document.enrichment_blocks, "EnrichmentBlocks", errors);
        block_count += document.enrichment_blocks->size();
    }
    if (block_count == 0) {
        errors.emplace_back(
            "MCL document has nothing to instantiate: no block in Notebooks, Blocks or "
            "EnrichmentBlocks");
    }
    return errors;
}

}  // namespace pmstudio::services
