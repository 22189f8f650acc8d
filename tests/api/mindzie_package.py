"""A mindzieStudio-like project package (.mpz) for the import tests: project.mcl in mindzie's form
(PascalCase keys, MclVersion 2, LogVersion 12, ContentType 8, settings as .NET indented JSON
strings) modelled on ../shared/spec/mcl-examples, and .mzz datasets written by mzz_writer.py: an
emergency-department log, its enriched twin (derived columns, freeze time) and a damaged one."""

import gzip
import json
import uuid
from datetime import datetime, timedelta

from analysis_support import MCL_EXAMPLES, mcl_text
from mzz_writer import Derived, MzzDataset
from transfer_support import package

START = datetime(2025, 5, 4, 12, 0)
FREEZE = datetime(2025, 5, 4, 14, 0)

# case id -> (patient, age, temp, events (activity, minutes after START, resource))
CASES = {
    "ED100599": ("P6310", 34, 36.7, [("Registration", 3, None), ("Triage", 10, "Nurse A"),
                                     ("Bed Assigned", 30, "Nurse B"), ("Discharge", 75, "Dr C")]),
    "ED103402": ("P7011", None, None, [("Registration", 20, None), ("Triage", 25, "Nurse A")]),
    "ED120324": ("P0003", 71, 38.2, [("Registration", 40, None), ("Triage", 48, "Nurse B"),
                                     ("Bed Assigned", 95, "Nurse B"), ("Discharge", 110, "Dr C")]),
    "ED130001": ("P0420", 5, 37.1, [("Registration", 50, None), ("Triage", 52, "Nurse A")]),
}


def example(name):
    return json.loads(mcl_text(next(p for p in MCL_EXAMPLES if p.name == name)))


def ids():
    return str(uuid.uuid4())


def dotnet(settings):
    """OperatorSettings as mindzieStudio writes them: indented JSON with CRLF line breaks."""
    return json.dumps(settings, indent=2).replace("\n", "\r\n")


def block(title, operator, settings, block_type, parent=None):
    return {"Id": ids(), "Title": title, "Description": None, "AutoTitle": False,
            "Disabled": False, "ImportanceScore": None, "DisplaySettings": None,
            "OperatorTypeName": operator, "OperatorSettings": dotnet(settings),
            "BlockType": block_type, "ParentBlockId": parent,
            "IsFirstBlock": True if parent is None else None, "Prompt": None, "PromptId": None}


def chained(blocks):
    for parent, child in zip(blocks, blocks[1:]):
        child["ParentBlockId"], child["IsFirstBlock"] = parent["Id"], None
    return blocks


def notebook(name, blocks, dashboard_blocks=(), panels=(), order=10000.0):
    notebook_id = ids()
    return {"Version": 2, "Id": notebook_id, "Name": name, "Description": None,
            "NotebookOrder": order, "Blocks": chained(list(blocks)),
            "DashboardBlocks": list(dashboard_blocks),
            "NotebookDashboard": {
                "Version": 2, "Id": notebook_id, "ProjectId": None, "Name": notebook_id,
                "Description": None, "IsNotebookDashboard": True, "DashboardOrder": 0.0,
                "ThumbnailUrl": None, "CopilotInitialStatus": 1,
                "Panels": [dict(p, Dashboardid=notebook_id) for p in panels]},
            "NotebookType": 7}


def selector(calculator, title):
    chosen = block(title, "SelectorFullCalculator",
                   {"CalculatorBlockId": calculator["Id"], "DisplayType": "",
                    "JsonText": "{\"ViewType\":2}", "DefaultPanelSize": 0,
                    "DefaultPanelType": "DashboardPanelCalculator"}, 3, calculator["Id"])
    chosen["IsFirstBlock"] = None
    return chosen


def panel(title, selector_block, row=0):
    return {"Id": ids(), "Dashboardid": None, "Title": title, "Row": row, "Column": 0,
            "SizeX": 6, "SizeY": 3, "Description": None, "InputblockId": selector_block["Id"],
            "ExtraOptions": dotnet({"PanelDisableTitle": True}),
            "DashboardPanelClassname": "DashboardPanelCalculator"}


def ed_dataset(enriched):
    dataset = MzzDataset(resource_column="Resource")
    if enriched:
        dataset.case_column("RegistrationTime", "datetime", derived=Derived(
            b2=1, source_columns=["ActivityTime"], source_activities=["Registration"], kind=0))
        dataset.case_column("TimeSinceLastActivity", "timespan", derived=Derived(
            b2=1, source_columns=["~calc~CaseEnd"], kind=70))
        dataset.case_column("LWBS", "bool", derived=Derived(b2=1, kind=60))
        dataset.case_column("WaitingForBed", "timespan", derived=Derived(
            source_columns=["ActivityTime"], source_activities=["Triage", "Bed Assigned"],
            kind=42, category=4))
        dataset.freeze_time = FREEZE
        dataset.log_properties = ("Debug", 604, "Eastern Standard Time")
    for case_id, (patient, age, temp, events) in CASES.items():
        attributes = {"PatientID": patient, "Age": age, "Temp": temp}
        if enriched:
            times = {activity: START + timedelta(minutes=m) for activity, m, _ in events}
            attributes.update(
                RegistrationTime=times["Registration"],
                TimeSinceLastActivity=FREEZE - max(times.values()),
                LWBS="Bed Assigned" not in times,
                WaitingForBed=(times["Bed Assigned"] - times["Triage"]
                               if "Bed Assigned" in times else None))
        dataset.add_case(case_id, **attributes)
        for activity, minutes, resource in events:
            dataset.add_event(case_id, activity, START + timedelta(minutes=minutes),
                              Resource=resource)
    return dataset


def damaged_mzz():
    """An .mzz whose first column record carries tag 7 instead of 8."""
    payload = ed_dataset(False).payload()
    tag = b"\x08\x00\x00\x00\x06CaseId"
    at = payload.index(tag)  # the case table's first column record
    payload = payload[:at] + b"\x07" + payload[at + 1:]
    return gzip.compress(payload, mtime=0), at


def dataset_entry(dataset_id, name, source):
    return {"DatasetId": dataset_id, "Name": name, "Description": None, "Source": source,
            "CaseIdColumnName": "CaseId", "ActivityColumnName": "ActivityName",
            "ActivityTimeColumnName": "ActivityTime", "ResourceColumnName": "Resource",
            "ActivityStartTimeColumnName": None, "LogVersion": 12}


class MindziePackage:
    """The package bytes and the ids and names the tests look for."""

    def __init__(self):
        self.source, self.enriched, self.old = ids(), ids(), ids()
        self.damaged, self.damaged_offset = damaged_mzz()
        waiting = example("WaitingForBed.mcl")["Notebooks"][0]
        count = block("Cases", "CalculatorCaseCount", {}, 2)
        frequency = block("Activities", "CalculatorActivityFrequency", {"MaxRows": 0}, 2)
        lwbs = block("Left without being seen", "FilterAttribute",
                     {"ColumnName": "LWBS", "CompareMethod": 1, "CompareValue": True,
                      "CompareArray": None, "CompareValueType": 4}, 1)
        lwbs_count = block("LWBS cases", "CalculatorCaseCount", {}, 2)
        self.overview_selector = selector(frequency, "Activities")
        overview = notebook("Overview", [count, frequency], [self.overview_selector],
                            [panel("Activities", self.overview_selector)], order=20000.0)
        left = notebook("Left without being seen", [lwbs, lwbs_count], order=30000.0)
        enrichment_notebooks = [
            notebook("CleanUp", [block("Freeze", "FreezeLogTime",
                                       {"FreezeTime": "2025-05-04T14:00:00+00:00"}, None)]),
            notebook("Attributes", [
                block("RegistrationTime", "CaseRepresentativeAttribute", json.loads(
                    example("enrichment-RegistrationTime_paste.json")["EnrichmentBlocks"][0][
                        "OperatorSettings"]), None),
                block("TimeSinceLastActivity", "OperatorTimeDifferenceFromCurrentTime",
                      {"AttributeName": "~calc~CaseEnd", "AttributeValueAsLastTime": False,
                       "DurationType": 8, "AllowFractionalPeriods": False,
                       "NewAttributeName": "TimeSinceLastActivity2",
                       "OperatorName": "OperatorTimeDifferenceFromCurrentTime"}, None),
                block("Cases", "CalculatorCaseCount", {}, 2)], order=20000.0)]
        project_id = ids()
        self.document = {
            "MclVersion": 2, "LogVersion": 12, "NotebookVersion": 3, "PackageNotes": None,
            "ContentType": 8,
            "Projects": [{"ProjectId": project_id, "Name": "Emergency Department",
                          "Description": "ED flow, exported from mindzieStudio"}],
            "Datasets": [dataset_entry(self.source, "Year to Date", "Import"),
                         dataset_entry(self.enriched, "Year to Date - Enriched", "Pipeline"),
                         dataset_entry(self.old, "Year to Date - old", "Import")],
            "Enrichments": [{"EnrichmentId": ids(), "Name": "Year to Date - Enrichment",
                             "SourceDatasetId": self.source, "OutputDatasetId": self.enriched,
                             "Notebooks": enrichment_notebooks}],
            "Investigations": [
                {"InvestigationId": ids(), "Name": "Waiting times", "DatasetId": self.enriched,
                 "Notebooks": [waiting, overview, left]},
                {"InvestigationId": ids(), "Name": "Old analysis", "DatasetId": self.old,
                 "Notebooks": [notebook("Counts", [block("Cases", "CalculatorCaseCount", {}, 2)])]},
            ],
            "Dashboards": [{"Version": 2, "Id": ids(), "ProjectId": project_id,
                            "Name": "ED Overview", "Description": None,
                            "IsNotebookDashboard": False, "DashboardOrder": 1.0,
                            "ThumbnailUrl": None, "CopilotInitialStatus": 1,
                            "Panels": [panel("Activities", self.overview_selector)]}],
            "Notebooks": None, "Blocks": None, "EnrichmentBlocks": None,
            "EnrichmentNotebooks": None, "Settings": []}
        self.content = package({
            "project.mcl": json.dumps(self.document, indent=2).encode(),
            f"datasets/{self.source}.mzz": ed_dataset(False).to_bytes(),
            f"datasets/{self.enriched}.mzz": ed_dataset(True).to_bytes(),
            f"datasets/{self.old}.mzz": self.damaged})
