#include "eventlog/calculated_attributes.h"

#include <gtest/gtest.h>

#include "eventlog/case_variants.h"
#include "eventlog/test_log_support.h"

namespace pmstudio::eventlog {
namespace {

using enum CalculatedAttribute;

// 2024-07-01T10:00:00Z, a Monday.
constexpr int64_t kJuly1 = 1'719'828'000;

// Case 1 (Q3 2024): A by Ann, B (no resource), A by Bob, two hours apart.
// Case 2 (2023-12-31, a Sunday): C by Cy, alone.
std::shared_ptr<const EventLog> log_for_attributes() {
    return make_test_log({{"1", "A", kJuly1, "Ann"},
                          {"1", "B", kJuly1 + 3600},
                          {"1", "A", kJuly1 + 7200, "Bob"},
                          {"2", "C", 1'704'024'000, "Cy"}});
}

std::vector<std::string> texts(const Column& column) {
    std::vector<std::string> out;
    for (size_t row = 0; row < column.size(); ++row) out.push_back(column.text(row));
    return out;
}

TEST(CalculatedAttributesTest, NamesCarryThePrefix) {
    EXPECT_EQ(calculated_attribute("~calc~CaseStart"), CaseStart);
    EXPECT_EQ(calculated_attribute("~calc~Variant"), Variant);
    EXPECT_EQ(calculated_attribute("CaseStart"), std::nullopt);
    EXPECT_EQ(calculated_attribute("~calc~Nothing"), std::nullopt);
    const LogView view(log_for_attributes());
    EXPECT_EQ(calculated_case_attribute(view, CaseStartWeekday).name, "~calc~CaseStartWeekday");
}

TEST(CalculatedAttributesTest, EveryAttributeForEachCase) {
    const LogView view(log_for_attributes());
    const auto at = [&](CalculatedAttribute attribute) {
        return calculated_case_attribute(view, attribute);
    };
    EXPECT_EQ(at(CaseStart).type, ValueType::DateTime);
    EXPECT_EQ(texts(at(CaseStart)),
              (std::vector<std::string>{"2024-07-01T10:00:00Z", "2023-12-31T12:00:00Z"}));
    EXPECT_EQ(texts(at(CaseEnd)),
              (std::vector<std::string>{"2024-07-01T12:00:00Z", "2023-12-31T12:00:00Z"}));
    EXPECT_EQ(at(CaseDuration).type, ValueType::TimeSpan);
    EXPECT_EQ(at(CaseDuration).ints, (std::vector<int64_t>{7200 * kMicrosPerSecond, 0}));
    EXPECT_EQ(texts(at(StartActivity)), (std::vector<std::string>{"A", "C"}));
    EXPECT_EQ(texts(at(EndActivity)), (std::vector<std::string>{"A", "C"}));
    EXPECT_EQ(texts(at(FirstResource)), (std::vector<std::string>{"Ann", "Cy"}));
    EXPECT_EQ(texts(at(LastResource)), (std::vector<std::string>{"Bob", "Cy"}));
    EXPECT_EQ(at(EventCount).ints, (std::vector<int64_t>{3, 1}));
    EXPECT_EQ(at(DistinctActivityCount).ints, (std::vector<int64_t>{2, 1}));
    EXPECT_EQ(at(CaseWithRepetition).type, ValueType::Boolean);
    EXPECT_EQ(texts(at(CaseWithRepetition)), (std::vector<std::string>{"true", "false"}));
    EXPECT_EQ(at(CaseStartYear).ints, (std::vector<int64_t>{2024, 2023}));
    EXPECT_EQ(texts(at(CaseStartQuarter)), (std::vector<std::string>{"2024 Q3", "2023 Q4"}));
    EXPECT_EQ(texts(at(CaseStartMonth)), (std::vector<std::string>{"2024-07", "2023-12"}));
    EXPECT_EQ(texts(at(CaseStartWeekday)), (std::vector<std::string>{"Monday", "Sunday"}));
    const Column months = at(CaseStartMonth);
    EXPECT_EQ(months.dictionary, (std::vector<std::string>{"2023-12", "2024-07"}));  // sorted

    const CaseVariants variants = case_variants(view);
    EXPECT_EQ(texts(at(Variant)),
              (std::vector<std::string>{variants.variants[variants.variant_of_case[0]].id,
                                        variants.variants[variants.variant_of_case[1]].id}));
}

TEST(CalculatedAttributesTest, FollowTheViewsSelection) {
    const LogView all(log_for_attributes());
    // Without the last A of case 1, and without case 2.
    const LogView view = all.where_events([](uint32_t e) { return e < 2; });
    ASSERT_EQ(view.case_count(), 1U);
    EXPECT_EQ(texts(calculated_case_attribute(view, EndActivity)), std::vector<std::string>{"B"});
    // B has no resource.
    const Column last_resource = calculated_case_attribute(view, LastResource);
    EXPECT_TRUE(last_resource.is_null(0));
    EXPECT_TRUE(last_resource.dictionary.empty());
    EXPECT_EQ(calculated_case_attribute(view, CaseDuration).ints,
              std::vector<int64_t>{3600 * kMicrosPerSecond});
    EXPECT_EQ(texts(calculated_case_attribute(view, CaseWithRepetition)),
              std::vector<std::string>{"false"});
}

}  // namespace
}  // namespace pmstudio::eventlog
