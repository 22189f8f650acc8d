#include "importers/xlsx_workbook.h"

#include <map>
#include <stdexcept>

#include "importers/xml_stream.h"

namespace pmstudio::importers {
namespace {

struct Relationship {
    std::string type;    // the type URI's last segment: worksheet, styles, sharedStrings, ...
    std::string target;  // archive member
};

std::string directory_of(const std::string& part) {
    const size_t slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// A relationship target relative to the source part's folder (or absolute) → archive member.
std::string resolve(const std::string& base_directory, std::string_view target) {
    std::string path = target.starts_with('/') ? "" : base_directory;
    if (target.starts_with('/')) target.remove_prefix(1);
    size_t start = 0;
    while (start <= target.size()) {
        size_t end = target.find('/', start);
        if (end == std::string_view::npos) end = target.size();
        const std::string_view segment = target.substr(start, end - start);
        if (segment == "..") {
            if (!path.empty()) path.erase(directory_of(path.substr(0, path.size() - 1)).size());
        } else if (!segment.empty() && segment != ".") {
            path.append(segment);
            if (end < target.size()) path.push_back('/');
        }
        start = end + 1;
    }
    return path;
}

class RelationshipsHandler final : public XmlHandler {
public:
    RelationshipsHandler(std::string base_directory, std::map<std::string, Relationship>& out)
        : base_directory_(std::move(base_directory)), out_(out) {}

    void start_element(std::string_view name, const XmlAttributes& attributes) override {
        if (name != "Relationship" || attributes.get("TargetMode") == "External") return;
        const auto id = attributes.get("Id");
        const auto type = attributes.get("Type");
        const auto target = attributes.get("Target");
        if (!id || !type || !target) return;
        out_[std::string(*id)] = {std::string(type->substr(type->rfind('/') + 1)),
                                  resolve(base_directory_, *target)};
    }
    void end_element(std::string_view) override {}
    void text(std::string_view) override {}

private:
    std::string base_directory_;
    std::map<std::string, Relationship>& out_;
};

// The relationships of `part` (from its _rels/<name>.rels), by id; empty when there are none.
std::map<std::string, Relationship> relationships_of(const ZipArchive& archive,
                                                     const std::string& part) {
    const std::string directory = directory_of(part);
    const std::string rels = directory + "_rels/" + part.substr(directory.size()) + ".rels";
    std::map<std::string, Relationship> out;
    if (archive.contains(rels)) {
        RelationshipsHandler handler(directory, out);
        parse_xml_part(archive, rels, handler);
    }
    return out;
}

class WorkbookHandler final : public XmlHandler {
public:
    struct Sheet {
        std::string name;
        std::string relationship_id;
    };

    void start_element(std::string_view name, const XmlAttributes& attributes) override {
        if (name == "workbookPr") {
            const auto date1904 = attributes.get("date1904");
            date1904_ = date1904 == "1" || date1904 == "true";
        } else if (name == "sheet") {
            sheets_.push_back({std::string(attributes.get("name").value_or("")),
                               std::string(attributes.get("id").value_or(""))});
        }
    }
    void end_element(std::string_view) override {}
    void text(std::string_view) override {}

    bool date1904() const { return date1904_; }
    const std::vector<Sheet>& sheets() const { return sheets_; }

private:
    bool date1904_ = false;
    std::vector<Sheet> sheets_;
};

std::string workbook_part(const ZipArchive& archive) {
    for (const auto& [id, relationship] : relationships_of(archive, "")) {
        if (relationship.type == "officeDocument") return relationship.target;
    }
    return "xl/workbook.xml";
}

}  // namespace

XlsxWorkbook read_xlsx_workbook(const ZipArchive& archive) {
    const std::string part = workbook_part(archive);
    if (!archive.contains(part)) throw std::runtime_error("missing part " + part);
    WorkbookHandler handler;
    parse_xml_part(archive, part, handler);
    const auto relationships = relationships_of(archive, part);

    XlsxWorkbook workbook;
    workbook.date1904 = handler.date1904();
    for (const auto& sheet : handler.sheets()) {
        const auto found = relationships.find(sheet.relationship_id);
        if (found != relationships.end() && found->second.type == "worksheet") {
            workbook.worksheets.push_back({sheet.name, found->second.target});
        }
    }
    for (const auto& [id, relationship] : relationships) {
        if (relationship.type == "sharedStrings")
            workbook.shared_strings_part = relationship.target;
        if (relationship.type == "styles") workbook.styles_part = relationship.target;
    }
    return workbook;
}

}  // namespace pmstudio::importers
