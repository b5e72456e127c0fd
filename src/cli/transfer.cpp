// SPDX-License-Identifier: MIT
// backcare export / import: the whole log as JSON Lines or CSV, and back.
#include <fstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "session_input.hpp"
#include "session_csv.hpp"
#include "session_json.hpp"
#include "session_reader.hpp"
#include "text.hpp"

namespace backcare::cli {
namespace {

struct ExportOptions {
    std::string format = "jsonl";
};

struct ImportOptions {
    std::string file;
    bool dry_run = false;
};

int run_export(const ExportOptions& o, Context& ctx) {
    const auto journal = ctx.journal();
    if (o.format == "csv") ctx.out << session_csv_header << "\r\n";
    if (!journal) return 0;
    journal->each([&](const Session& s) {
        if (o.format == "csv")
            write_session_csv(ctx.out, s);
        else
            ctx.out << session_json(s, false) << '\n';
    });
    return 0;
}

int run_import(const ImportOptions& o, Context& ctx) {
    const Catalogue catalogue = ctx.catalogue();
    const bool standard_input = o.file == "-";
    if (standard_input) ctx.reading_sessions();
    std::ifstream file;
    if (!standard_input) file = open_input_file(o.file);
    SessionReader reader(standard_input ? ctx.in : file, standard_input ? "<stdin>" : o.file, catalogue);
    refuse_future_sessions(reader, ctx.now);
    if (o.dry_run) {
        const std::size_t n = count_sessions(reader);
        if (!ctx.quiet) ctx.out << fmt::format("{} session{} read; nothing stored (dry run)\n", n, plural_suffix(n));
        return 0;
    }
    // A file is read on a second core while the log is written.
    const auto [added, present] = import_sessions(ctx.paths.database(), reader, !standard_input, ctx.journal_options);
    if (added > 0) ctx.stored(plural(added, "imported session"));
    if (!ctx.quiet) ctx.out << fmt::format("{} added, {} already present\n", added, present);
    return 0;
}

}  // namespace

std::vector<Command> setup_transfer(CLI::App& app) {
    auto e = std::make_shared<ExportOptions>();
    auto* exp = app.add_subcommand("export", "Write the whole log to standard output");
    exp->add_option("-f,--format", e->format, "jsonl (one session per line) or csv (one exercise per row)")
        ->check(CLI::IsMember({"jsonl", "csv"}))
        ->type_name("FORMAT");

    auto i = std::make_shared<ImportOptions>();
    auto* imp = app.add_subcommand("import", "Add sessions from an export; sessions already present are skipped");
    imp->add_option("file", i->file, "A JSON Lines or CSV file from 'backcare export', or '-' for standard input")
        ->required()
        ->type_name("FILE");
    imp->add_flag("-n,--dry-run", i->dry_run, "Check the file; store nothing");

    return {{exp, [e](Context& ctx) { return run_export(*e, ctx); }},
            {imp, [i](Context& ctx) { return run_import(*i, ctx); }}};
}

}  // namespace backcare::cli
