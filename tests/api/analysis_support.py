"""Helpers shared by the investigation, notebook, block and template tests."""

from pathlib import Path

from conftest import unique_name
from dataset_support import SHARED, create_csv, new_project, ok

SMALL_CSV = (b"CaseID,Activity,Timestamp\n"
             b"c1,Create,2024-01-15T09:00:00Z\n"
             b"c1,Approve,2024-01-15T10:00:00Z\n"
             b"c2,Create,2024-01-16T09:00:00Z\n")

MCL_EXAMPLES = sorted((SHARED / "spec" / "mcl-examples").iterdir())

INVESTIGATION_FIELDS = ["investigationId", "projectId", "investigationName",
                        "investigationDescription", "datasetId", "dateCreated", "dateModified",
                        "createdBy", "modifiedBy", "investigationOrder", "isUsedForOperationCenter",
                        "investigationFolderId", "notebookCount"]

NOTEBOOK_FIELDS = ["notebookId", "investigationId", "name", "description", "dateCreated",
                   "dateModified", "createdBy", "modifiedBy", "notebookType", "notebookOrder",
                   "lastExecutionDuration", "blockCount"]

BLOCK_FIELDS = ["blockId", "blockType", "operatorName", "name", "description", "parentId", "order",
                "configuration", "dateCreated", "createdBy", "dateModified", "isActive"]

BLOCK_DETAIL_FIELDS = ["blockId", "notebookId", "blockType", "blockTitle", "blockDescription",
                       "blockOrder", "configuration", "isDisabled", "dateCreated", "dateModified",
                       "createdBy", "modifiedBy", "lastExecutionDate", "lastExecutionStatus",
                       "executionCount"]

NOT_LOADED = ("Project not found in cache. Please load the project first using the "
              "ProjectController.LoadProject endpoint.")


def api(tenant_id, project_id):
    return f"/api/{tenant_id}/{project_id}"


class Workspace:
    """A project with one dataset, for one tenant, and shortcuts to its analysis routes."""

    def __init__(self, tenant, upload=None):
        """`upload(client, tenant_id, project_id)` makes the dataset (default: a small CSV)."""
        self.tenant = tenant
        self.client = tenant.client
        self.project = new_project(tenant)
        if upload is None:
            def upload(client, tenant_id, project_id):
                return create_csv(client, tenant_id, project_id, SMALL_CSV,
                                  name=unique_name("data"))
        self.dataset = ok(upload(tenant.client, tenant.id, self.project))["datasetId"]
        self.base = api(tenant.id, self.project)

    def investigation(self, **fields):
        body = {"investigationName": unique_name("investigation"), "datasetId": self.dataset}
        body.update(fields)
        response = self.client.post(f"{self.base}/investigation", json=body)
        assert response.status_code == 201, response.text
        return response.json()

    def notebook(self, investigation_id, **fields):
        body = {"name": unique_name("notebook")}
        body.update(fields)
        response = self.client.post(f"{self.base}/notebook/investigation/{investigation_id}",
                                    json=body)
        assert response.status_code == 201, response.text
        return response.json()

    def block(self, notebook_id, operator="CalculatorActivityFrequency", configuration=None,
              **fields):
        body = {"operatorName": operator, "name": unique_name("block")}
        if configuration is not None:
            body["configuration"] = configuration
        body.update(fields)
        response = self.client.post(f"{self.base}/notebook/{notebook_id}/blocks", json=body)
        assert response.status_code == 201, response.text
        return response.json()

    def blocks(self, notebook_id):
        response = self.client.get(f"{self.base}/notebook/{notebook_id}/blocks")
        assert response.status_code == 200, response.text
        return response.json()["blocks"]

    def load(self):
        response = self.client.get(f"/api/{self.tenant.id}/project/{self.project}/load")
        assert response.status_code == 200, response.text

    def unload(self):
        response = self.client.delete(f"/api/{self.tenant.id}/project/{self.project}/unload")
        assert response.status_code == 200, response.text


def assert_single_chain(blocks):
    """The chain blocks (not dashboard blocks) form one valid parent chain in list order."""
    chain = [b for b in blocks if not b.get("isDashboardBlock")]
    for position, block in enumerate(chain):
        assert block["order"] == position
        assert block["parentId"] == (chain[position - 1]["blockId"] if position else None)
    return chain


def mcl_text(path: Path):
    return path.read_text(encoding="utf-8-sig")
