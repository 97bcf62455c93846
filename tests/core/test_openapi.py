"""The committed API contract (docs/openapi.yaml) is what the code generates, and it documents every error.

When this fails after an intended API change, run `make openapi` and commit docs/openapi.yaml with the
change, so clients see the difference in review.
"""

from pathlib import Path

import yaml
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


def generated() -> bytes:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return OpenApiYamlRenderer().render(schema, renderer_context={})


def test_the_committed_schema_is_the_generated_one():
    assert COMMITTED.read_bytes() == generated(), (
        "docs/openapi.yaml is stale: run `make openapi` and commit it"
    )


def test_every_operation_documents_the_shared_errors():
    schema = yaml.safe_load(generated())
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation["responses"]
            assert "503" in responses, f"{method} {path}"
            if "{" in path:
                assert {"400", "404"} <= responses.keys(), f"{method} {path}"
            if {} not in operation.get("security", [{}]):
                assert {"401", "403"} <= responses.keys(), f"{method} {path}"
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    body = response["content"]["application/json"]["schema"]
                    name = body["$ref"].rsplit("/", 1)[-1]
                    shape = schema["components"]["schemas"][name]
                    assert {"detail", "code"} <= shape["properties"].keys(), (
                        f"{method} {path} {status}: {name}"
                    )


def test_no_enum_name_collisions():
    names = [name for name in yaml.safe_load(generated())["components"]["schemas"] if name.endswith("Enum")]
    assert not [n for n in names if any(c.isdigit() for c in n)], names
