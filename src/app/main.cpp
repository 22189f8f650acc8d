#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "app/api_key_cli.h"
#include "app/inspect_command.h"
#include "app/project_cli.h"
#include "app/server_app.h"
#include "app/server_options.h"

int main(int argc, char** argv) {
    using pmstudio::app::ServerOptions;
    CLI::App cli{"pmstudio: a self-hosted process-mining server"};
    cli.require_subcommand(1);

    ServerOptions server;
    auto* serve = cli.add_subcommand("serve", "Serve the REST API");
    serve->add_option("--host", server.http.host, "Address to listen on")->capture_default_str();
    serve->add_option("--port", server.http.port, "Port (0: any free port)")->capture_default_str();
    serve->add_option("--data-dir", server.data_dir, "Data directory")->capture_default_str();
    serve
        ->add_option("--threads", server.http.worker_threads,
                     "HTTP worker threads (bounds concurrent keep-alive connections)")
        ->capture_default_str()
        ->check(CLI::Range(1, 4096));
    serve
        ->add_option("--rate-limit", server.http.rate_limit_per_minute,
                     "Requests per minute per API key (0: unlimited)")
        ->capture_default_str()
        ->envname("PMSTUDIO_RATE_LIMIT");
    serve
        ->add_option("--max-tenants", server.max_tenants, "Licence limit of tenants (0: unlimited)")
        ->capture_default_str()
        ->envname("PMSTUDIO_MAX_TENANTS");
    serve->add_option("--workers", server.worker_threads, "Threads for background jobs")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    serve
        ->add_option("--execution-threads", server.execution_threads,
                     "Concurrent block and notebook executions (default: cores)")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    serve->add_option("--log-level", server.log_level, "trace, debug, info, warn, error, off")
        ->capture_default_str();

    std::filesystem::path data_dir = ".pmstudio-data";
    std::optional<std::string> tenant;
    std::string name;
    std::string key_id;
    auto* apikey = cli.add_subcommand("apikey", "Manage API keys in a data directory");
    apikey->require_subcommand(1);
    auto add_scope = [&](CLI::App* command) {
        command->add_option("--data-dir", data_dir, "Data directory")->capture_default_str();
        command->add_option("--tenant", tenant, "Tenant id (omit for global keys)");
    };
    auto* create = apikey->add_subcommand("create", "Create a key and print its secret once");
    add_scope(create);
    create->add_option("--name", name, "A label for the key");
    auto* list = apikey->add_subcommand("list", "List keys (ids and names, never secrets)");
    add_scope(list);
    auto* revoke = apikey->add_subcommand("revoke", "Revoke a key");
    add_scope(revoke);
    revoke->add_option("key-id", key_id, "The apiKeyId to revoke")->required();

    pmstudio::app::InspectOptions inspect_options;
    auto* inspect = cli.add_subcommand("inspect", "Import an event log file and print its figures");
    inspect
        ->add_option("file", inspect_options.file,
                     "The file (.csv, .xes, .xes.gz, .json, .xlsx, .zip, .pmslog, .mzz)")
        ->required();
    inspect->add_option("--format", inspect_options.format,
                        "csv, xes, json, xlsx, package, binary or mzz (default: from the file "
                        "name)");
    inspect->add_option("--case", inspect_options.mapping.case_id, "Case id column");
    inspect->add_option("--activity", inspect_options.mapping.activity, "Activity column");
    inspect->add_option("--timestamp", inspect_options.mapping.timestamp, "Timestamp column");
    inspect->add_option("--resource", inspect_options.mapping.resource, "Resource column");
    inspect->add_option("--start-time", inspect_options.mapping.start_time, "Start time column");
    inspect
        ->add_option("--culture", inspect_options.culture,
                     "en-US, en-GB, de-DE, fr-FR, nl-NL, "
                     "invariant")
        ->capture_default_str();
    inspect
        ->add_option("--time-zone", inspect_options.time_zone,
                     "IANA zone for timestamps without an offset")
        ->capture_default_str();

    pmstudio::app::ProjectTransferOptions transfer;
    auto* project = cli.add_subcommand("project", "Export or import project packages (.mpz)");
    project->require_subcommand(1);
    auto* project_export = project->add_subcommand(
        "export", "Write a project with its datasets, analyses and dashboards to a .mpz file");
    auto* project_import =
        project->add_subcommand("import", "Import a .mpz file into a tenant as a new project");
    for (auto* command : {project_export, project_import}) {
        command->add_option("--data-dir", transfer.data_dir, "Data directory")
            ->capture_default_str();
        command->add_option("--tenant", transfer.tenant_id, "Tenant id")->required();
    }
    project_export->add_option("--project", transfer.project_id, "Project id")->required();
    project_export->add_option("--output", transfer.file, "The .mpz file to write")->required();
    project_import->add_option("--file", transfer.file, "The .mpz file to import")->required();
    project_import->add_option("--duplicate-check", transfer.duplicate_check,
                               "When the tenant has a project of that name: create_new (default), "
                               "skip or overwrite");
    project_import->add_option("--overwrite-types", transfer.overwrite_types,
                               "With overwrite: Dataset, Investigation, Dashboard");

    CLI11_PARSE(cli, argc, argv);

    try {
        if (*serve) return pmstudio::app::run_server(server);
        if (*create) return pmstudio::app::api_key_create(data_dir, tenant, name);
        if (*list) return pmstudio::app::api_key_list(data_dir, tenant);
        if (*revoke) return pmstudio::app::api_key_revoke(data_dir, tenant, key_id);
        if (*inspect) return pmstudio::app::run_inspect(inspect_options);
        if (*project_export) return pmstudio::app::project_export(transfer);
        if (*project_import) return pmstudio::app::project_import(transfer);
    } catch (const std::exception& error) {
        std::cerr << "pmstudio: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
