#include "api/attachment.h"

#include <gtest/gtest.h>

namespace pmstudio::api {

TEST(AttachmentDisposition, PlainNames) {
    EXPECT_EQ(attachment_disposition("Orders 2024", ".mpz", "project"),
              "attachment; filename=\"Orders 2024.mpz\"; filename*=UTF-8''Orders%202024.mpz");
}

TEST(AttachmentDisposition, ReplacesCharactersFileSystemsRefuse) {
    EXPECT_EQ(attachment_disposition("a/b\\c:\"d\"?\r\n", ".mpz", "x"),
              "attachment; filename=\"a_b_c__d____.mpz\"; filename*=UTF-8''a_b_c__d____.mpz");
}

TEST(AttachmentDisposition, NonAsciiNamesKeepTheirUtf8Form) {
    EXPECT_EQ(attachment_disposition("K\xC3\xBChe", ".mpz", "x"),
              "attachment; filename=\"K__he.mpz\"; filename*=UTF-8''K%C3%BChe.mpz");
}

TEST(AttachmentDisposition, EmptyOrDotsOnlyUseTheFallback) {
    EXPECT_EQ(attachment_disposition(" .. ", ".mpz", "project"),
              "attachment; filename=\"project.mpz\"; filename*=UTF-8''project.mpz");
}

}  // namespace pmstudio::api
