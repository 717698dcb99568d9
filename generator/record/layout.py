"""The one canonical layout of a catalogue file, so that an edit's diff shows only what changed.

Keys in the order of the model's fields (nested records too; unknown keys keep their place
after the known ones), text with line breaks as a literal block (``|``), one-line text
plain where YAML allows it, lists one item a line, two-space indentation, no line folding.
Values are written as they were read: every scalar of our strict reader is text, so the
layout only decides how the text is set down, never what it means.
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel

from generator.record.facts import unwrap


class _Dumper(yaml.SafeDumper):
    """Block style, literal blocks for text with line breaks, no aliases.

    It knows no implicit types: our reader reads every scalar as text, so ``2024``,
    ``2024-03-01`` or ``true`` are written plain, as an admin writes them, and read back
    as the same text (quotes appear only where YAML's syntax needs them).
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class attribute

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # list items indented under their key ("key:\n  - item"), as the guide shows them
        super().increase_indent(flow, False)


_NOT_FIRST = frozenset("#,[]{}&*!|>'\"%@`")


def plain(value: str) -> bool:
    """Whether one-line text is written without quotes: the rule PyYAML applies in block
    context, stated here so that the admin form's writer (``outputs/formulir.js``, the
    same rule) and this one agree; otherwise single quotes."""
    if not value or value != value.strip() or value.startswith(("---", "...")):
        return False
    if value[0] in _NOT_FIRST or (value[0] in "-?:" and (len(value) == 1 or value[1] == " ")):
        return False
    return ": " not in value and not value.endswith(":") and " #" not in value


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    tag = "tag:yaml.org,2002:str"
    if "\t" in value:
        return dumper.represent_scalar(tag, value, style='"')
    if "\n" in value:
        body = "\n".join(line.rstrip() for line in value.split("\n"))
        return dumper.represent_scalar(tag, body, style="|")
    return dumper.represent_scalar(tag, value, style=None if plain(value) else "'")


_Dumper.add_representer(str, _text)


def records_in(annotation: Any) -> type[BaseModel] | None:
    """The record model inside an annotation (``Klaim`` in ``dict[str, Klaim]``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = records_in(arg)
        if found is not None:
            return found
    return None


def ordered(value: Any, model: type[BaseModel] | None) -> Any:
    """``value`` with every mapping's keys in the model's field order."""
    if isinstance(value, list):
        return [ordered(item, model) for item in value]
    if not isinstance(value, dict) or model is None:
        return value
    known = list(model.model_fields)
    keys = [k for k in known if k in value] + [k for k in value if k not in known]
    result = {}
    for key in keys:
        info = model.model_fields.get(str(key))
        inner = records_in(info.annotation) if info is not None else None
        if info is not None and get_origin(unwrap(info.annotation)[0]) is dict:
            result[key] = {k: ordered(v, inner) for k, v in value[key].items()}
        else:
            result[key] = ordered(value[key], inner)
    return result


def order_tree(model: type[BaseModel]) -> dict[str, Any]:
    """The key order of ``model`` and its nested records as data, for the admin form's
    writer: ``k`` the keys, ``c`` the tree of each key holding records (items of a list
    too), ``d`` the tree of a mapping's values (``indikator``)."""
    children: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        inner = records_in(info.annotation)
        if inner is None:
            continue
        if get_origin(unwrap(info.annotation)[0]) is dict:
            children[name] = {"d": order_tree(inner)}
        else:
            children[name] = order_tree(inner)
    return {"k": list(model.model_fields), "c": children}


def dump(data: Any, model: type[BaseModel] | None) -> str:
    """The canonical text of a file holding ``data`` (a mapping as our strict reader reads
    it: every scalar a string)."""
    text = yaml.dump(
        ordered(data, model),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10**9,
    )
    return str(text)
