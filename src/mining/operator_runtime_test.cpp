#include "mining/operator_runtime.h"

#include <gtest/gtest.h>

#include "mining/operator_catalog.h"

namespace pmstudio::mining {
namespace {

TEST(OperatorRuntimeTest, EveryCatalogOperatorHasAnImplementation) {
    for (const auto& spec : operator_catalog().at("operators")) {
        const auto& name = spec.at("name").get_ref<const std::string&>();
        EXPECT_NE(find_implementation(name), nullptr) << name;
    }
}

TEST(OperatorRuntimeTest, ABlockWithoutOperatorFailsNamingWhatIsMissing) {
    auto log = std::make_shared<const eventlog::EventLog>();
    try {
        run_operator("", "{}", AnalysisState(eventlog::LogView(log)), {});
        FAIL() << "expected OperatorError";
    } catch (const OperatorError& error) {
        EXPECT_NE(std::string(error.what()).find("operatorName"), std::string::npos);
    }
}

}  // namespace
}  // namespace pmstudio::mining
