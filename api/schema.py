"""Additions to the generated OpenAPI schema (a drf-spectacular postprocessing hook)."""

from api.language import LANGUAGE_HELP, LANGUAGE_PARAM, LANGUAGES

ERROR_SCHEMA = {
    "type": "object",
    "description": "What was wrong with the request.",
    "additionalProperties": True,
}


def document_error_responses(result, generator, request, public):
    """Adds the 304/400/404/406/429 answers every GET can give and the `lang` parameter every
    endpoint takes (api.language) to every operation, and makes the `include=sources` field
    optional."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    json_error = {"application/json": {"schema": ref}}
    answers = {
        "304": {"description": "Not modified since the ETag or date you sent."},
        "400": {"description": "Bad or unknown query parameter.", "content": json_error},
        "404": {"description": "No such published item, or unknown format.", "content": json_error},
        "406": {"description": "Cannot produce the format asked for.", "content": json_error},
        "429": {
            "description": "Rate limit reached; retry after the Retry-After seconds.",
            "content": json_error,
        },
    }
    for component in result["components"]["schemas"].values():
        # `sources` appears only with include=sources, so no response is required to have it.
        if "sources" in component.get("required", []):
            component["required"].remove("sources")
    language = {
        "name": LANGUAGE_PARAM,
        "in": "query",
        "required": False,
        "description": LANGUAGE_HELP,
        "schema": {"type": "string", "enum": list(LANGUAGES)},
    }
    for path in result.get("paths", {}).values():
        for operation in path.values():
            parameters = operation.setdefault("parameters", [])
            if not any(parameter["name"] == LANGUAGE_PARAM for parameter in parameters):
                parameters.append(language)
            responses = operation.setdefault("responses", {})
            for code, answer in answers.items():
                responses.setdefault(code, answer)
    return result
