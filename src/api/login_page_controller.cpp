#include "api/login_page_controller.h"

#include <fmt/format.h>

#include <algorithm>

#include "api/form_body.h"
#include "api/session_cookie.h"
#include "common/text.h"

namespace pmstudio::api {
namespace {

constexpr const char* kLoginPath = "/login";

// Only a path on this server: "//host" and "/\host" would leave it.
std::string safe_next(const std::string& next) {
    const bool local = next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\' &&
                       std::none_of(next.begin(), next.end(), [](unsigned char c) {
                           return c < 0x20 || c == 0x7F || c == '\\';
                       });
    return local ? next : kLoginPath;
}

Response html_page(int status, const std::string& title, const std::string& content) {
    Response response;
    response.status = status;
    response.content_type = "text/html; charset=utf-8";
    response.headers = {{"Cache-Control", "no-store"},
                        {"Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                         "frame-ancestors 'none'"},
                        {"X-Frame-Options", "DENY"}};
    response.body = fmt::format(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{0} - pmstudio</title>
<style>
body {{ font-family: system-ui, sans-serif; background: #f3f5f8; margin: 0; }}
main {{ max-width: 26rem; margin: 12vh auto; background: #fff; padding: 2rem;
        border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }}
h1 {{ font-size: 1.3rem; margin-top: 0; }}
label {{ display: block; margin-bottom: .4rem; }}
input[type=password] {{ width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }}
button {{ margin-top: 1rem; padding: .5rem 1.2rem; font: inherit; }}
.error {{ color: #b00020; }}
</style></head>
<body><main>
<h1>{0}</h1>
{1}
</main></body></html>
)",
                                html_escape(title), content);
    return response;
}

Response login_form(int status, const std::string& next, const std::string& error) {
    const auto error_html =
        error.empty() ? std::string()
                      : fmt::format(R"(<p class="error" role="alert">{}</p>)", html_escape(error));
    return html_page(
        status, "Sign in to pmstudio",
        fmt::format(R"({0}<form method="post" action="/login">
<label for="apiKey">API key</label>
<input type="password" id="apiKey" name="apiKey" autocomplete="off" required autofocus>
<input type="hidden" name="next" value="{1}">
<button type="submit">Sign in</button>
</form>
<p>Use an API key of your tenant (or a global key). It is checked once and not kept in the
browser: the session lasts {2} hours or until you sign out.</p>)",
                    error_html, html_escape(next), services::WebSessionService::kLifetime.count()));
}

Response signed_in_page(const services::Caller& caller, const std::string& next) {
    const auto continue_html =
        next == kLoginPath
            ? std::string("<p>Open a dashboard's URL to see it.</p>")
            : fmt::format(R"(<p><a href="{0}">Continue to {0}</a></p>)", html_escape(next));
    return html_page(200, "Signed in",
                     fmt::format(R"(<p>Signed in with the API key <strong>{}</strong>.</p>
{}
<form method="post" action="/logout"><button type="submit">Sign out</button></form>)",
                                 html_escape(caller.key_name), continue_html));
}

Response redirect(const std::string& location) {
    Response response;
    response.status = 303;
    response.content_type = "text/plain; charset=utf-8";
    response.headers = {{"Location", location}, {"Cache-Control", "no-store"}};
    return response;
}

std::string session_secret(const Request& request) {
    return request_cookie(request, kSessionCookieName).value_or("");
}

}  // namespace

void register_login_page_routes(Router& router, services::WebSessionService& sessions) {
    router.add({.method = "GET",
                .pattern = kLoginPath,
                .tag = "Pages",
                .summary = "Sign-in page of the dashboard pages (HTML; ?next=<path>)",
                .access = Access::Public,
                .responses = {{200, "An HTML page"}}},
               [&sessions](Request& request) {
                   const auto next = safe_next(request.query_param("next").value_or(""));
                   if (const auto caller = sessions.caller(session_secret(request))) {
                       return signed_in_page(*caller, next);
                   }
                   return login_form(200, next, "");
               });
    router.add({.method = "POST",
                .pattern = kLoginPath,
                .tag = "Pages",
                .summary = "Sign in with an API key (form fields apiKey, next): sets the "
                           "HttpOnly session cookie and redirects to next",
                .access = Access::Public,
                .responses = {{303, "Signed in: to next"},
                              {400, "No API key given"},
                              {401, "The key is not valid"}}},
               [&sessions](Request& request) {
                   const auto form = parse_form_body(request.body);
                   const auto field = [&form](const char* name) {
                       const auto found = form.find(name);
                       return found == form.end() ? std::string() : found->second;
                   };
                   const auto next = safe_next(field("next"));
                   const auto key = field("apiKey");
                   if (key.empty()) return login_form(400, next, "Enter an API key.");
                   const auto opened = sessions.sign_in(key);
                   if (!opened) {
                       return login_form(401, next,
                                         "That API key is not valid, or its tenant is disabled.");
                   }
                   auto response = redirect(next);
                   response.headers.emplace_back(
                       "Set-Cookie", session_cookie(request, opened->secret, opened->lifetime));
                   return response;
               });
    router.add({.method = "POST",
                .pattern = "/logout",
                .tag = "Pages",
                .summary = "Sign out of the dashboard pages",
                .access = Access::Public,
                .responses = {{303, "Signed out: to /login"}}},
               [&sessions](Request& request) {
                   sessions.sign_out(session_secret(request));
                   auto response = redirect(kLoginPath);
                   response.headers.emplace_back("Set-Cookie", expired_session_cookie(request));
                   return response;
               });
}

}  // namespace pmstudio::api
