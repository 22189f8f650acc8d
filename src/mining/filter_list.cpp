#include "mining/filter_list.h"

#include <fmt/format.h>

#include "common/json_lookup.h"

namespace pmstudio::mining {

AnalysisState apply_filter_list(const AnalysisState& input, const Json& filter_list,
                                const OperatorContext& context) {
    Json list = filter_list;
    if (list.is_string()) {
        try {
            list = Json::parse(list.get<std::string>());
        } catch (const Json::parse_error& error) {
            throw OperatorError(fmt::format("FilterListSettings is not JSON: {}", error.what()));
        }
    }
    const Json* entries = find_member_ignoring_case(list, "FilterSettingsList");
    if (entries == nullptr || entries->is_null()) return input;
    AnalysisState state = input;
    for (size_t i = 0; i < entries->size(); ++i) {
        const Json& entry = (*entries)[i];
        const Json* name = find_member_ignoring_case(entry, "OperatorName");
        const Json* text = find_member_ignoring_case(entry, "JsonText");
        if (name == nullptr || !name->is_string()) {
            throw OperatorError(fmt::format("FilterSettingsList[{}] has no OperatorName", i));
        }
        const std::string settings = text == nullptr || text->is_null() ? "{}"
                                     : text->is_string()                ? text->get<std::string>()
                                                                        : text->dump();
        try {
            auto output = run_operator(name->get<std::string>(), settings, state, context);
            if (output.state) state = std::move(*output.state);
        } catch (const OperatorError& error) {
            throw OperatorError(fmt::format("FilterSettingsList[{}] ({}): {}", i,
                                            name->get<std::string>(), error.what()));
        }
    }
    return state;
}

}  // namespace pmstudio::mining
