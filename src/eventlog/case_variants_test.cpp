#include "eventlog/case_variants.h"

#include <gtest/gtest.h>

#include "eventlog/test_log_support.h"

namespace pmstudio::eventlog {
namespace {

std::vector<std::string> names(const EventLog& log, const Variant& variant) {
    std::vector<std::string> out;
    for (uint32_t code : variant.activities) out.push_back(log.activities[code]);
    return out;
}

TEST(CaseVariantsTest, GroupsCasesByActivitySequenceMostFrequentFirst) {
    const LogView view(make_test_log({{"1", "A", 1},
                                      {"1", "B", 2},  // A B
                                      {"2", "B", 1},  // B
                                      {"3", "A", 1},
                                      {"3", "B", 2},  // A B
                                      {"4", "A", 1},  // A
                                      {"5", "B", 1},
                                      {"5", "A", 2}}));
    const CaseVariants variants = case_variants(view);
    ASSERT_EQ(variants.variants.size(), 4U);
    const EventLog& log = view.log();
    EXPECT_EQ(names(log, variants.variants[0]), (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(variants.variants[0].case_count, 2U);
    // Ties in the order of the activity names.
    EXPECT_EQ(names(log, variants.variants[1]), (std::vector<std::string>{"A"}));
    EXPECT_EQ(names(log, variants.variants[2]), (std::vector<std::string>{"B"}));
    EXPECT_EQ(names(log, variants.variants[3]), (std::vector<std::string>{"B", "A"}));
    EXPECT_EQ(variants.variant_of_case, (std::vector<uint32_t>{0, 2, 0, 1, 3}));
    EXPECT_EQ(variants.variants[0].id, variant_id(log, variants.variants[0].activities));
    EXPECT_EQ(variants.variants[0].id.size(), 16U);
    EXPECT_NE(variants.variants[0].id, variants.variants[3].id);
}

TEST(CaseVariantsTest, IdsDependOnNamesNotCodes) {
    // "0" takes code 0 in the second log, so A and B have other codes there.
    const auto first = make_test_log({{"1", "A", 1}, {"1", "B", 2}});
    const auto second = make_test_log({{"1", "A", 1}, {"1", "B", 2}, {"2", "0", 1}});
    const CaseVariants one = case_variants(LogView(first));
    const Variant& a = one.variants[0];
    const CaseVariants other = case_variants(LogView(second));
    const Variant& b = other.variants[1];  // after "0" (code 0), the single-event variant
    ASSERT_EQ(b.activities.size(), 2U);
    EXPECT_NE(a.activities, b.activities);
    EXPECT_EQ(a.id, b.id);
    // Names are length-prefixed: "AB" is not "A", "B".
    const auto joined = make_test_log({{"1", "AB", 1}});
    EXPECT_NE(case_variants(LogView(joined)).variants[0].id, a.id);
}

TEST(CaseVariantsTest, EventSelectionChangesVariants) {
    const LogView view(
        make_test_log({{"1", "A", 1}, {"1", "X", 2}, {"1", "B", 3}, {"2", "A", 1}, {"2", "B", 2}}));
    EXPECT_EQ(case_variants(view).variants.size(), 2U);
    const LogView no_x = view.where_events(
        [&](uint32_t e) { return view.log().activities[view.log().activity[e]] != "X"; });
    const CaseVariants variants = case_variants(no_x);
    ASSERT_EQ(variants.variants.size(), 1U);
    EXPECT_EQ(variants.variants[0].case_count, 2U);
}

}  // namespace
}  // namespace pmstudio::eventlog
