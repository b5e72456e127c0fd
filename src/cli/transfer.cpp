// backcare export / import: the whole log as JSON Lines or CSV, and back.
#include <cstring>
#include <filesystem>
#include <fstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "session_csv.hpp"
#include "session_json.hpp"
#include "session_reader.hpp"

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
    std::ifstream file;
    if (o.file != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(o.file, ec)) throw IoError(fmt::format("{} is a directory, not a file", o.file));
        file.open(o.file, std::ios::binary);
        if (!file) throw IoError(fmt::format("cannot read {}: {}", o.file, std::strerror(errno)));
    }
    std::istream& in = o.file == "-" ? ctx.in : file;
    SessionReader reader(in, o.file == "-" ? "<stdin>" : o.file, catalogue);
    // A day of slack for clocks and time zones.
    reader.refuse_after(std::chrono::duration_cast<std::chrono::seconds>(ctx.now.time_since_epoch()).count() + 86400);
    if (o.dry_run) {
        std::size_t n = 0;
        while (reader.next()) ++n;
        if (!ctx.quiet) ctx.out << fmt::format("{} session{} read; nothing stored (dry run)\n", n, n == 1 ? "" : "s");
        return 0;
    }
    std::pair<std::size_t, std::size_t> counts;
    if (o.file == "-") {
        counts = Journal::store(ctx.paths.database(), [&] { return reader.next(); });
    } else {
        // A file is read on a second core while the log is written.
        ReadAhead ahead(reader);
        counts = Journal::store(ctx.paths.database(), [&] { return ahead.next(); });
    }
    const auto [added, present] = counts;
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
