"""Dataset API: upload errors, multipart framing, packages, row issues, cultures, time zones,
encodings and delimiters."""

import socket
import time

import pytest

from conftest import Tenant

from dataset_support import (DATA, PM4PY_MAPPING, REPO_ROOT, SIMPLE_MAPPING, base, create_binary,
                             create_csv, create_package, export, new_project, ok, read_export,
                             send, upload, zip_bytes)

REPO_XLSX = REPO_ROOT / "tests" / "data" / "running-example.xlsx"

SMALL_CSV = (b"CaseID,Activity,Timestamp\n"
             b"c1,Create,2024-01-15T09:00:00Z\n"
             b"c1,Approve,2024-01-15T10:00:00Z\n"
             b"c2,Create,2024-01-16T09:00:00Z\n")


def error_body(status, *messages):
    return {"errors": list(messages), "rowIssues": [], "statusCode": status, "error": messages[0]}


@pytest.fixture
def project(tenant):
    return new_project(tenant)


# --- form and file errors ----------------------------------------------------------------------

def test_missing_columns_are_all_listed_422(tenant, project):
    response = create_csv(tenant.client, tenant.id, project, SMALL_CSV,
                          mapping={"caseIdColumn": "Case", "activityNameColumn": "Activity",
                                   "activityTimeColumn": "When", "resourceColumn": "Who"})
    assert response.status_code == 422
    assert response.json() == error_body(422, "Column 'Case' not found in CSV file",
                                         "Column 'When' not found in CSV file",
                                         "Column 'Who' not found in CSV file")
    assert tenant.client.get(base(tenant.id, project)).json() == {"datasets": []}


@pytest.mark.parametrize("missing", ["caseIdColumn", "activityNameColumn", "activityTimeColumn"])
def test_missing_mapping_field_is_400(tenant, project, missing):
    mapping = {k: v for k, v in SIMPLE_MAPPING.items() if k != missing}
    response = create_csv(tenant.client, tenant.id, project, SMALL_CSV, mapping=mapping)
    assert response.status_code == 400
    assert response.json() == error_body(400, f"{missing} is required")


def test_no_mapping_lists_every_missing_field(tenant, project):
    response = create_csv(tenant.client, tenant.id, project, SMALL_CSV, mapping={})
    assert response.status_code == 400
    assert response.json() == error_body(400, "caseIdColumn is required",
                                         "activityNameColumn is required",
                                         "activityTimeColumn is required")


@pytest.mark.parametrize("name", ["", "   "])
def test_missing_dataset_name_is_400(tenant, project, name):
    form = dict(SIMPLE_MAPPING, datasetName=name)
    response = upload(tenant.client, f"{base(tenant.id, project)}/csv", "a.csv", SMALL_CSV, form)
    assert response.status_code == 400
    assert response.json() == error_body(400, "datasetName is required")


def test_missing_file_is_400(tenant, project):
    response = upload(tenant.client, f"{base(tenant.id, project)}/csv", None, None,
                      dict(SIMPLE_MAPPING, datasetName="No file"))
    assert response.status_code == 400
    assert response.json() == error_body(
        400, "file is required: send the data in the form field 'file'")


def test_duplicate_name_is_409(tenant, project):
    ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV, name="Twice"))
    response = create_csv(tenant.client, tenant.id, project, SMALL_CSV, name="Twice")
    assert response.status_code == 409
    assert response.json() == error_body(
        409, "A dataset named 'Twice' already exists in this project")
    assert len(tenant.client.get(base(tenant.id, project)).json()["datasets"]) == 1


def test_too_long_name_and_description_are_400(tenant, project):
    response = create_csv(tenant.client, tenant.id, project, SMALL_CSV, name="n" * 256,
                          datasetDescription="d" * 1001)
    assert response.status_code == 400
    assert len(response.json()["errors"]) == 2
    ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV, name="n" * 255,
                  datasetDescription="d" * 1000))


def test_garbage_binary_is_400(tenant, project):
    response = create_binary(tenant.client, tenant.id, project, b"this is not a dataset file")
    assert response.status_code == 400
    assert response.json()["error"].startswith("Invalid binary dataset file")
    assert response.json()["statusCode"] == 400


def test_garbage_package_is_400(tenant, project):
    response = create_package(tenant.client, tenant.id, project, b"this is not a zip archive")
    assert response.status_code == 400
    assert response.json()["error"].startswith("Invalid package")
    assert tenant.client.get(base(tenant.id, project)).json() == {"datasets": []}


def test_unknown_culture_and_time_zone_are_400(tenant, project):
    response = create_csv(tenant.client, tenant.id, project, SMALL_CSV, cultureInfo="xx-XX")
    assert response.status_code == 400
    assert "Unknown cultureInfo 'xx-XX'" in response.json()["error"]
    response = create_csv(tenant.client, tenant.id, project, SMALL_CSV, timeZone="Mars/Olympus")
    assert response.status_code == 400


def test_bad_delimiter_is_400(tenant, project):
    response = create_csv(tenant.client, tenant.id, project, SMALL_CSV, delimiter=";;")
    assert response.status_code == 400
    assert response.json() == error_body(
        400, "delimiter must be one character (or \\t), got ';;'")


def test_upload_over_one_gib_is_413_at_once(tenant, project, server):
    path = f"{base(tenant.id, project)}/csv"
    boundary = "XyZbOuNdArY"
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {tenant.key}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: 2000000000\r\n\r\n").encode()
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    assert time.monotonic() - started < 5
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert tenant.client.get(base(tenant.id, project)).json() == {"datasets": []}


# --- multipart framing --------------------------------------------------------------------------

def multipart_body(boundary, fields, file_name, content, close=True):
    parts = []
    for name, value in fields.items():
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                     f"{value}\r\n".encode())
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                 f"filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n".encode() + content +
                 b"\r\n")
    if close:
        parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


def post_raw(tenant, project, body, content_type):
    headers = {"Content-Type": content_type} if content_type is not None else {}
    return send(tenant.client, "POST", f"{base(tenant.id, project)}/csv", data=body,
                headers=headers)


def test_multipart_without_closing_boundary_is_400(tenant, project):
    body = multipart_body("b0undary", dict(SIMPLE_MAPPING, datasetName="Unclosed"), "a.csv",
                          SMALL_CSV, close=False)
    response = post_raw(tenant, project, body, "multipart/form-data; boundary=b0undary")
    assert response.status_code == 400
    assert tenant.client.get(base(tenant.id, project)).json() == {"datasets": []}


@pytest.mark.parametrize("content_type", ["application/json", "multipart/form-data"])
def test_multipart_under_a_wrong_content_type_still_works(tenant, project, content_type):
    body = multipart_body("b0undary", dict(SIMPLE_MAPPING, datasetName="Lenient"), "a.csv",
                          SMALL_CSV)
    response = post_raw(tenant, project, body, content_type)
    result = ok(response)
    assert (result["caseCount"], result["eventCount"]) == (2, 3)


def test_hand_built_multipart_with_boundary_works(tenant, project):
    body = multipart_body("----pmstudio", dict(SIMPLE_MAPPING, datasetName="Hand built"), "a.csv",
                          SMALL_CSV)
    ok(post_raw(tenant, project, body, "multipart/form-data; boundary=----pmstudio"))


def test_non_multipart_body_is_400(tenant, project):
    response = post_raw(tenant, project, b'{"datasetName": "json"}', "application/json")
    assert response.status_code == 400


# --- packages ----------------------------------------------------------------------------------

def test_csv_package_with_descriptor(tenant, project):
    descriptor = (b'{"caseIdColumn": "CaseID", "activityNameColumn": "Activity", '
                  b'"activityTimeColumn": "Timestamp", "delimiter": ";"}')
    data = SMALL_CSV.replace(b",", b";")
    body = ok(create_package(tenant.client, tenant.id, project,
                             zip_bytes({"dataset.json": descriptor, "log.csv": data})))
    assert (body["caseCount"], body["eventCount"]) == (2, 3)
    dataset = tenant.client.get(f"{base(tenant.id, project)}/{body['datasetId']}").json()
    assert dataset["caseIdColumnName"] == "CaseID"
    assert dataset["sourceFormat"] == "csv"


def test_csv_package_without_descriptor_is_422(tenant, project):
    response = create_package(tenant.client, tenant.id, project, zip_bytes({"log.csv": SMALL_CSV}))
    assert response.status_code == 422
    assert response.json()["error"] == (
        "Invalid package structure: dataset.json must name caseIdColumn, activityNameColumn and "
        "activityTimeColumn for csv data")


def test_package_with_two_data_files_is_422(tenant, project):
    xes = (DATA / "running-example.xes").read_bytes()
    response = create_package(tenant.client, tenant.id, project,
                              zip_bytes({"a.xes": xes, "b.xes": xes}))
    assert response.status_code == 422
    assert response.json()["error"] == (
        "Invalid package structure: expected exactly one data file (.csv, .xes, .xes.gz, .xlsx "
        "or .json), found 2")


def test_package_without_data_file_is_422(tenant, project):
    response = create_package(tenant.client, tenant.id, project,
                              zip_bytes({"readme.md": b"nothing here"}))
    assert response.status_code == 422
    assert "found 0" in response.json()["error"]


def test_package_ignores_hidden_and_macos_members(tenant, project):
    xes = (DATA / "running-example.xes").read_bytes()
    body = ok(create_package(tenant.client, tenant.id, project,
                             zip_bytes({"log.xes": xes, "__MACOSX/._log.xes": b"junk",
                                        ".hidden.csv": b"x"})))
    assert (body["caseCount"], body["eventCount"]) == (6, 42)


def test_package_update_of_a_package_dataset(tenant, project):
    xes = (DATA / "running-example.xes").read_bytes()
    created = ok(create_package(tenant.client, tenant.id, project, zip_bytes({"log.xes": xes})))
    bpic = (DATA / "bpic2012.xes.gz").read_bytes()
    body = ok(upload(tenant.client,
                     f"{base(tenant.id, project)}/{created['datasetId']}/package", "p.zip",
                     zip_bytes({"log.xes.gz": bpic}), method="PUT"))
    assert (body["caseCount"], body["eventCount"]) == (13087, 262200)


def test_package_update_uses_the_package(tenant, project):
    created = ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV))
    xes = (DATA / "running-example.xes").read_bytes()
    response = upload(tenant.client, f"{base(tenant.id, project)}/{created['datasetId']}/package",
                      "p.zip", zip_bytes({"log.xes": xes}), method="PUT")
    body = ok(response)
    assert body["datasetId"] == created["datasetId"]
    assert (body["caseCount"], body["eventCount"]) == (6, 42)
    dataset = tenant.client.get(f"{base(tenant.id, project)}/{created['datasetId']}").json()
    assert (dataset["caseCount"], dataset["eventCount"], dataset["version"]) == (6, 42, 2)


def test_xlsx_package_with_descriptor(tenant, project):
    xlsx = REPO_XLSX.read_bytes()
    descriptor = b'{"caseIdColumn": "case:concept:name", "activityNameColumn": "concept:name", ' \
                 b'"activityTimeColumn": "time:timestamp"}'
    response = create_package(tenant.client, tenant.id, project,
                              zip_bytes({"dataset.json": descriptor, "log.xlsx": xlsx}))
    body = ok(response)
    assert (body["caseCount"], body["eventCount"]) == (6, 42)


# --- row issues ---------------------------------------------------------------------------------

def test_row_issues_are_reported(tenant, project):
    lines = ["CaseID,Activity,Timestamp,Amount"]
    for i in range(24):
        lines.append(f"c{i % 4},A{i},2024-01-01T10:{i:02d}:00Z,{i * 10}")
    lines.append("c1,Bad time,2024-13-45 99:99,5")            # data row 25: skipped
    lines.append(",No case,2024-01-02T10:00:00Z,5")            # data row 26: skipped
    lines.append("c2,Bad number,2024-01-02T11:00:00Z,lots")     # data row 27: value set to null
    body = ok(create_csv(tenant.client, tenant.id, project, ("\n".join(lines) + "\n").encode()))
    assert body["eventCount"] == 25
    assert body["caseCount"] == 4
    assert body["skippedRowsCount"] == 2
    assert body["invalidValueCount"] == 1
    issues = {issue["rowIndex"]: issue for issue in body["rowIssues"]}
    assert len(body["rowIssues"]) == 3
    assert issues[25] == {"rowIndex": 25, "columnName": "Timestamp", "errorType": "ParseError",
                          "outcome": "Skipped",
                          "message": "Unable to parse date value '2024-13-45 99:99'"}
    assert issues[26] == {"rowIndex": 26, "columnName": "CaseID", "errorType": "MissingValue",
                          "outcome": "Skipped", "message": "Case id is empty"}
    assert issues[27]["columnName"] == "Amount"
    assert issues[27]["errorType"] == "ParseError"
    assert issues[27]["outcome"] == "SetToNull"
    assert "lots" in issues[27]["message"]
    rows = read_export(export(tenant.client, tenant.id, project, body["datasetId"]))
    bad_number = [r for r in rows if r["Activity"] == "Bad number"]
    assert bad_number == [{"CaseID": "c2", "Activity": "Bad number",
                           "Timestamp": "2024-01-02T11:00:00Z", "Amount": ""}]
    assert {r["Activity"] for r in rows}.isdisjoint({"Bad time", "No case"})


def test_row_issues_are_capped_at_1000_but_counts_are_exact(tenant, project):
    lines = ["CaseID,Activity,Timestamp"]
    for i in range(100):
        lines.append(f"c{i % 10},A,2024-01-01T10:00:{i % 60:02d}Z")
    for i in range(1500):
        lines.append(f"c{i % 10},Bad,not a date {i}")
    body = ok(create_csv(tenant.client, tenant.id, project, ("\n".join(lines) + "\n").encode()))
    assert body["eventCount"] == 100
    assert body["skippedRowsCount"] == 1500
    assert len(body["rowIssues"]) == 1000
    assert body["rowIssues"][0]["rowIndex"] == 101
    assert body["rowIssues"][-1]["rowIndex"] == 1100


def test_empty_activity_and_timestamp_are_missing_values(tenant, project):
    content = (b"CaseID,Activity,Timestamp\nc1,,2024-01-01T00:00:00Z\nc1,A,\n"
               b"c1,B,2024-01-01T00:00:00Z\n")
    body = ok(create_csv(tenant.client, tenant.id, project, content))
    assert body["eventCount"] == 1 and body["skippedRowsCount"] == 2
    assert [(i["rowIndex"], i["columnName"], i["errorType"]) for i in body["rowIssues"]] == [
        (1, "Activity", "MissingValue"), (2, "Timestamp", "MissingValue")]


# --- cultures and time zones -------------------------------------------------------------------

def test_german_culture(tenant, project):
    content = ("Fall;Aktivität;Zeit;Betrag\n"
               "F1;Anlegen;15.01.2024 09:30;1.234,5\n"
               "F1;Prüfen;16.01.2024 14:05;2,25\n"
               "F2;Anlegen;01.02.2024 00:00;1.000.000,75\n").encode("utf-8")
    body = ok(create_csv(tenant.client, tenant.id, project, content,
                         mapping={"caseIdColumn": "Fall", "activityNameColumn": "Aktivität",
                                  "activityTimeColumn": "Zeit"},
                         cultureInfo="de-DE"))
    assert (body["caseCount"], body["eventCount"], body["skippedRowsCount"]) == (2, 3, 0)
    rows = read_export(export(tenant.client, tenant.id, project, body["datasetId"]))
    assert [(r["Fall"], r["Aktivität"], r["Zeit"], r["Betrag"]) for r in rows] == [
        ("F1", "Anlegen", "2024-01-15T09:30:00Z", "1234.5"),
        ("F1", "Prüfen", "2024-01-16T14:05:00Z", "2.25"),
        ("F2", "Anlegen", "2024-02-01T00:00:00Z", "1000000.75")]


def test_us_culture(tenant, project):
    content = (b"CaseID,Activity,Timestamp,Amount\n"
               b"c1,Create,1/5/2024 9:03:07 AM,\"1,234.5\"\n"
               b"c1,Approve,1/5/2024 12:00:00 PM,2.5\n"
               b"c1,Close,12/31/2024 11:59:59 PM,3\n"
               b"c2,Create,2/29/2024 12:30:00 AM,4\n")
    body = ok(create_csv(tenant.client, tenant.id, project, content, cultureInfo="en-US"))
    assert body["skippedRowsCount"] == 0
    rows = read_export(export(tenant.client, tenant.id, project, body["datasetId"]))
    assert [(r["CaseID"], r["Timestamp"], r["Amount"]) for r in rows] == [
        ("c1", "2024-01-05T09:03:07Z", "1234.5"), ("c1", "2024-01-05T12:00:00Z", "2.5"),
        ("c1", "2024-12-31T23:59:59Z", "3.0"), ("c2", "2024-02-29T00:30:00Z", "4.0")]


def test_day_first_dates_under_en_us_are_issues_not_guesses(tenant, project):
    content = b"CaseID,Activity,Timestamp\nc1,A,25/12/2024 10:00:00 AM\nc1,B,1/2/2024 10:00:00 AM\n"
    body = ok(create_csv(tenant.client, tenant.id, project, content, cultureInfo="en-US"))
    assert body["skippedRowsCount"] == 1 and body["eventCount"] == 1
    rows = read_export(export(tenant.client, tenant.id, project, body["datasetId"]))
    assert rows[0]["Timestamp"] == "2024-01-02T10:00:00Z"  # January 2nd


def test_time_zone_applies_to_offsetless_timestamps(tenant, project):
    content = (b"CaseID,Activity,Timestamp\n"
               b"c1,Winter,2024-01-15 09:00:00\n"
               b"c1,Summer,2024-07-15 09:00:00\n"
               b"c1,Explicit,2024-07-16T09:00:00+00:00\n"
               b"c1,Zulu,2024-07-17T09:00:00Z\n")
    body = ok(create_csv(tenant.client, tenant.id, project, content, timeZone="Europe/Amsterdam"))
    dataset = tenant.client.get(f"{base(tenant.id, project)}/{body['datasetId']}").json()
    assert dataset["timeZone"] == "Europe/Amsterdam"
    rows = read_export(export(tenant.client, tenant.id, project, body["datasetId"]))
    assert [(r["Activity"], r["Timestamp"]) for r in rows] == [
        ("Winter", "2024-01-15T08:00:00Z"), ("Summer", "2024-07-15T07:00:00Z"),
        ("Explicit", "2024-07-16T09:00:00Z"), ("Zulu", "2024-07-17T09:00:00Z")]


def test_time_zone_defaults_to_the_tenants(admin):
    tenant = Tenant(admin, timeZone="America/New_York")
    project = new_project(tenant)
    content = b"CaseID,Activity,Timestamp\nc1,A,2024-01-15 09:00:00\n"
    body = ok(create_csv(tenant.client, tenant.id, project, content))
    rows = read_export(export(tenant.client, tenant.id, project, body["datasetId"]))
    assert rows[0]["Timestamp"] == "2024-01-15T14:00:00Z"
    dataset = tenant.client.get(f"{base(tenant.id, project)}/{body['datasetId']}").json()
    assert dataset["timeZone"] == "America/New_York"


def test_offsets_in_the_file_win_over_the_time_zone(tenant, project):
    body = ok(create_csv(tenant.client, tenant.id, project,
                         (DATA / "running-example.csv").read_bytes(), mapping=PM4PY_MAPPING,
                         timeZone="Asia/Tokyo"))
    rows = read_export(export(tenant.client, tenant.id, project, body["datasetId"]))
    assert min(r["time:timestamp"] for r in rows) == "2010-12-30T10:02:00Z"


# --- encodings and delimiters ------------------------------------------------------------------

ACCENTED = ("CaseID,Activity,Timestamp\nc1,Créer,2024-01-15T09:00:00Z\n"
            "c1,Répondre à José,2024-01-15T10:00:00Z\n")


def activities_of(tenant, project, body):
    return [r["Activity"] for r in read_export(export(tenant.client, tenant.id, project,
                                                      body["datasetId"]))]


def test_windows_1252_is_detected(tenant, project):
    body = ok(create_csv(tenant.client, tenant.id, project, ACCENTED.encode("cp1252")))
    assert activities_of(tenant, project, body) == ["Créer", "Répondre à José"]


def test_windows_1252_named_explicitly(tenant, project):
    content = ACCENTED.replace("José", "José €").encode("cp1252")
    body = ok(create_csv(tenant.client, tenant.id, project, content, encoding="Windows-1252"))
    assert activities_of(tenant, project, body) == ["Créer", "Répondre à José €"]


def test_utf8_with_bom(tenant, project):
    body = ok(create_csv(tenant.client, tenant.id, project, b"\xef\xbb\xbf" + ACCENTED.encode()))
    assert activities_of(tenant, project, body) == ["Créer", "Répondre à José"]
    dataset = tenant.client.get(f"{base(tenant.id, project)}/{body['datasetId']}").json()
    assert dataset["caseIdColumnName"] == "CaseID"  # the BOM is not part of the first header


@pytest.mark.parametrize("delimiter", ["\t", "|", ";"])
def test_delimiters_are_detected(tenant, project, delimiter):
    content = ACCENTED.replace(",", delimiter).encode()
    body = ok(create_csv(tenant.client, tenant.id, project, content))
    assert (body["caseCount"], body["eventCount"]) == (1, 2)
    assert activities_of(tenant, project, body) == ["Créer", "Répondre à José"]


def test_explicit_tab_delimiter(tenant, project):
    content = ACCENTED.replace(",", "\t").encode()
    body = ok(create_csv(tenant.client, tenant.id, project, content, delimiter="\\t"))
    assert body["eventCount"] == 2


def test_quoted_fields_with_delimiters_and_newlines(tenant, project):
    content = (b'CaseID,Activity,Timestamp,Note\n'
               b'"c,1","Say ""hi""",2024-01-15T09:00:00Z,"line one\nline two"\n')
    body = ok(create_csv(tenant.client, tenant.id, project, content))
    rows = read_export(export(tenant.client, tenant.id, project, body["datasetId"]))
    assert rows == [{"CaseID": "c,1", "Activity": 'Say "hi"', "Timestamp": "2024-01-15T09:00:00Z",
                     "Note": "line one\nline two"}]

