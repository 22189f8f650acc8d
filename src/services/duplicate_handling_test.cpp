#include "services/duplicate_handling.h"

#include <gtest/gtest.h>

#include "common/service_error.h"

namespace pmstudio::services {

TEST(DuplicateHandling, DefaultsToCreateNewWithNothingOverwritten) {
    const auto handling = parse_duplicate_handling(std::nullopt, {});
    EXPECT_EQ(handling.check, DuplicateCheck::CreateNew);
    EXPECT_TRUE(handling.overwrite_types.empty());
}

TEST(DuplicateHandling, AcceptsSnapLogicValuesAndTheirBooleanAliases) {
    EXPECT_EQ(parse_duplicate_handling("skip", {}).check, DuplicateCheck::Skip);
    EXPECT_EQ(parse_duplicate_handling("TRUE", {}).check, DuplicateCheck::Skip);
    EXPECT_EQ(parse_duplicate_handling("create_new", {}).check, DuplicateCheck::CreateNew);
    EXPECT_EQ(parse_duplicate_handling("false", {}).check, DuplicateCheck::CreateNew);
    EXPECT_EQ(parse_duplicate_handling("Overwrite", {}).check, DuplicateCheck::Overwrite);
}

TEST(DuplicateHandling, RejectsUnknownValuesNamingThem) {
    try {
        parse_duplicate_handling("replace", {});
        FAIL();
    } catch (const ServiceError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadRequest);
        EXPECT_NE(std::string(error.what()).find("'replace'"), std::string::npos);
    }
    try {
        parse_duplicate_handling("overwrite", {"Dataset,Pipeline"});
        FAIL();
    } catch (const ServiceError& error) {
        EXPECT_NE(std::string(error.what()).find("'Pipeline'"), std::string::npos);
    }
}

TEST(DuplicateHandling, OverwriteTypesCommaSeparatedRepeatedAndPlural) {
    const auto handling =
        parse_duplicate_handling("overwrite", {"dataset, Investigations", "DASHBOARD"});
    EXPECT_EQ(handling.overwrite_types,
              (std::set{AssetKind::Dataset, AssetKind::Investigation, AssetKind::Dashboard}));
}

TEST(DuplicateHandling, ActionsFollowTheSnapLogicRules) {
    const DuplicateHandling skip{DuplicateCheck::Skip, {AssetKind::Dataset}};
    EXPECT_EQ(asset_action(skip, AssetKind::Dataset, false), AssetAction::Add);
    EXPECT_EQ(asset_action(skip, AssetKind::Dataset, true), AssetAction::Skip);

    const DuplicateHandling overwrite{DuplicateCheck::Overwrite, {AssetKind::Dataset}};
    EXPECT_EQ(asset_action(overwrite, AssetKind::Dataset, true), AssetAction::Overwrite);
    EXPECT_EQ(asset_action(overwrite, AssetKind::Investigation, true), AssetAction::Skip);
    EXPECT_EQ(asset_action(overwrite, AssetKind::Investigation, false), AssetAction::Add);
}

TEST(DuplicateHandling, NumberedNamesTakeTheFirstFreeNumber) {
    EXPECT_EQ(numbered_name("Sales", {"Other"}), "Sales");
    EXPECT_EQ(numbered_name("Sales", {"Sales"}), "Sales 1");
    EXPECT_EQ(numbered_name("Sales", {"Sales", "Sales 1", "Sales 3"}), "Sales 2");
}

}  // namespace pmstudio::services
