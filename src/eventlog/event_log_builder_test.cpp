#include "eventlog/event_log_builder.h"

#include <gtest/gtest.h>

#include <charconv>

namespace pmstudio::eventlog {
namespace {

// Booleans true/false, integers, doubles with '.', no dates.
class SimpleParser : public TextValueParser {
public:
    std::optional<bool> parse_boolean(std::string_view t) const override {
        if (t == "true") return true;
        if (t == "false") return false;
        return std::nullopt;
    }
    std::optional<int64_t> parse_integer(std::string_view t) const override {
        int64_t v = 0;
        auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
        return v;
    }
    std::optional<double> parse_double(std::string_view t) const override {
        double v = 0;
        auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
        return v;
    }
    std::optional<int64_t> parse_datetime(std::string_view) const override { return std::nullopt; }
};

TEST(EventLogBuilderTest, CanonicalOrderIndependentOfInputOrder) {
    auto build = [](bool reversed) {
        EventLogBuilder builder(true, false);
        struct Row {
            const char* c;
            const char* a;
            int64_t t;
            const char* r;
        };
        std::vector<Row> rows = {
            {"b", "x", 5, "r1"}, {"a", "y", 3, "r2"}, {"a", "x", 1, "r1"}, {"b", "z", 5, "r3"}};
        if (reversed) std::reverse(rows.begin(), rows.end());
        for (const auto& r : rows) builder.add_event(r.c, r.a, r.t, std::nullopt, r.r);
        return builder.finish({});
    };
    const EventLog forward = build(false);
    EXPECT_EQ(forward.case_ids, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(forward.case_offsets, (std::vector<uint32_t>{0, 2, 4}));
    EXPECT_EQ(forward.activities, (std::vector<std::string>{"x", "y", "z"}));
    EXPECT_EQ(forward.timestamp, (std::vector<int64_t>{1, 3, 5, 5}));
    // Equal timestamps keep input order: x before z in case b.
    EXPECT_EQ(forward.activity, (std::vector<uint32_t>{0, 1, 0, 2}));
    const EventLog backward = build(true);
    EXPECT_EQ(backward.case_ids, forward.case_ids);
    EXPECT_EQ(backward.timestamp, forward.timestamp);
    // Ties are broken by input row, so reversing the input swaps the tied events only.
    EXPECT_EQ(backward.activity, (std::vector<uint32_t>{0, 1, 2, 0}));
}

TEST(EventLogBuilderTest, SplitsCaseAndEventAttributesAndInfersTypes) {
    SimpleParser parser;
    EventLogBuilder builder(false, false);
    const size_t amount = builder.attribute_index("Amount");
    const size_t cost = builder.attribute_index("Cost");
    const size_t flag = builder.attribute_index("Flag");
    auto row = builder.add_event("c1", "a", 1, std::nullopt, std::nullopt);
    builder.attribute(amount).set_text(row, "100", parser);
    builder.attribute(cost).set_text(row, "1", parser);
    builder.attribute(flag).set_text(row, "true", parser);
    row = builder.add_event("c1", "b", 2, std::nullopt, std::nullopt);
    builder.attribute(amount).set_text(row, "100", parser);
    builder.attribute(cost).set_text(row, "2.5", parser);
    row = builder.add_event("c2", "a", 1, std::nullopt, std::nullopt);
    builder.attribute(amount).set_text(row, "7", parser);
    builder.attribute(cost).set_text(row, "", parser);
    builder.attribute(flag).set_text(row, "false", parser);
    const EventLog log = builder.finish({});

    ASSERT_EQ(log.case_attributes.size(), 1u);
    EXPECT_EQ(log.case_attributes[0].name, "Amount");
    EXPECT_EQ(log.case_attributes[0].type, ValueType::Integer);
    EXPECT_EQ(log.case_attributes[0].ints, (std::vector<int64_t>{100, 7}));
    ASSERT_EQ(log.event_attributes.size(), 2u);
    const Column& cost_column = log.event_attributes[0];
    EXPECT_EQ(cost_column.type, ValueType::Double);
    EXPECT_EQ(cost_column.doubles[0], 1.0);
    EXPECT_EQ(cost_column.doubles[1], 2.5);
    EXPECT_TRUE(cost_column.is_null(2));
    const Column& flag_column = log.event_attributes[1];
    EXPECT_EQ(flag_column.type, ValueType::Boolean);
    EXPECT_TRUE(flag_column.is_null(1));
    EXPECT_FALSE(log.has_resource());
}

TEST(EventLogBuilderTest, CaseAttributesGivenPerCaseFollowTheCanonicalCaseOrder) {
    EventLogBuilder builder(false, false);
    // Cases numbered by first appearance: "b" is 0, "a" is 1, "c" is 2.
    builder.add_event("b", "x", 1, std::nullopt, std::nullopt);
    builder.add_event("a", "x", 2, std::nullopt, std::nullopt);
    builder.add_event("c", "x", 3, std::nullopt, std::nullopt);
    const size_t region = builder.case_attribute_index("Region");
    EXPECT_EQ(builder.case_attribute_index("Region"), region);
    builder.case_attribute(region).set_string(0, "south");
    builder.case_attribute(region).set_string(1, "north");
    auto& due = builder.case_attribute(builder.case_attribute_index("Due"));
    due.fix_type(ValueType::DateTime);  // only nulls: the type stays
    const EventLog log = builder.finish({});
    ASSERT_EQ(log.case_attributes.size(), 2U);
    const Column& by_case = log.case_attributes[0];
    EXPECT_EQ(by_case.dictionary, (std::vector<std::string>{"north", "south"}));
    EXPECT_EQ(by_case.text(0), "north");
    EXPECT_EQ(by_case.text(1), "south");
    EXPECT_TRUE(by_case.is_null(2));
    EXPECT_EQ(log.case_attributes[1].type, ValueType::DateTime);
    EXPECT_TRUE(log.case_attributes[1].is_null(0) && log.case_attributes[1].is_null(2));
}

TEST(ColumnBuilderTest, FallsBackToStringKeepingEarlierValuesAsText) {
    SimpleParser parser;
    ColumnBuilder builder("x");
    builder.set_text(0, "12", parser);
    builder.set_text(2, "1.5", parser);
    builder.set_text(3, "n/a", parser);
    const Column column = builder.finish(5);
    EXPECT_EQ(column.type, ValueType::String);
    EXPECT_EQ(column.text(0), "12");
    EXPECT_TRUE(column.is_null(1));
    EXPECT_EQ(column.text(2), "1.5");
    EXPECT_EQ(column.text(3), "n/a");
    EXPECT_TRUE(column.is_null(4));
}

TEST(ColumnBuilderTest, KeepsTheFirstValueAfterLeadingNulls) {
    SimpleParser parser;
    for (const char* first : {"x", "2.5", "7", "true"}) {
        ColumnBuilder builder("x");
        builder.set_text(2, first, parser);
        const Column column = builder.finish(4);
        EXPECT_TRUE(column.is_null(0) && column.is_null(1) && column.is_null(3)) << first;
        EXPECT_EQ(column.text(2), first);
    }
}

TEST(ColumnBuilderTest, RowsAfterTheLastNullAreNotNull) {
    ColumnBuilder builder("x");
    builder.set_string(1, "a");  // row 0 is null
    for (size_t row = 2; row < 200; ++row) builder.set_string(row, "b");
    const Column column = builder.finish(200);
    EXPECT_TRUE(column.is_null(0));
    for (size_t row = 1; row < 200; ++row) EXPECT_FALSE(column.is_null(row)) << row;
}

TEST(ColumnBuilderTest, TypedSettersWidenIntegerToDouble) {
    ColumnBuilder builder("x");
    builder.set_integer(0, 2);
    builder.set_double(1, 0.5);
    builder.set_integer(2, 3);
    const Column column = builder.finish(3);
    EXPECT_EQ(column.type, ValueType::Double);
    EXPECT_EQ(column.doubles, (std::vector<double>{2, 0.5, 3}));
}

}  // namespace
}  // namespace pmstudio::eventlog
