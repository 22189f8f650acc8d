#include "services/dataset_cache.h"

#include <gtest/gtest.h>

#include "eventlog/binary_format.h"
#include "eventlog/event_log_builder.h"

namespace pmstudio::services {
namespace {

class DatasetCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        root = std::filesystem::temp_directory_path() /
               ("pmstudio-cache-" + std::to_string(::getpid()));
        storage.emplace(root);
        dataset.id = "d1";
        dataset.project_id = "p1";
        dataset.stored_file = "v1.pmslog";
        eventlog::EventLogBuilder builder(false, false);
        builder.add_event("c", "a", 1, std::nullopt, std::nullopt);
        const auto directory = storage->dataset_directory("t1", "d1");
        std::filesystem::create_directories(directory);
        eventlog::write_event_log_file(builder.finish({}), directory / dataset.stored_file);
    }
    void TearDown() override { std::filesystem::remove_all(root); }

    std::filesystem::path root;
    std::optional<storage::TenantStorage> storage;
    ProjectCache projects;
    storage::DatasetRecord dataset;
};

TEST_F(DatasetCacheTest, KeepsLogsOnlyOfLoadedProjects) {
    DatasetCache cache(*storage, projects);
    EXPECT_EQ(cache.get("t1", dataset)->event_count(), 1u);
    EXPECT_EQ(cache.size(), 0u);  // read from the file, not kept
    projects.load("t1", "p1");
    const auto first = cache.get("t1", dataset);
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_EQ(cache.get("t1", dataset), first);  // the same object from memory
}

TEST_F(DatasetCacheTest, EvictingAProjectFreesItsLogs) {
    DatasetCache cache(*storage, projects);
    projects.load("t1", "p1");
    std::weak_ptr<const eventlog::EventLog> log = cache.get("t1", dataset);
    cache.evict_project("p1");
    EXPECT_TRUE(log.expired());
    EXPECT_EQ(cache.size(), 0u);
}

TEST_F(DatasetCacheTest, ANewVersionReplacesTheCachedOne) {
    DatasetCache cache(*storage, projects);
    projects.load("t1", "p1");
    const auto first = cache.get("t1", dataset);
    std::filesystem::copy_file(storage->dataset_directory("t1", "d1") / "v1.pmslog",
                               storage->dataset_directory("t1", "d1") / "v2.pmslog");
    dataset.stored_file = "v2.pmslog";
    EXPECT_NE(cache.get("t1", dataset), first);
}

}  // namespace
}  // namespace pmstudio::services
