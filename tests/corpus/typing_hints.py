# inputs: {"items": [{"id": 1, "name": "a", "score": 3.5}, {"id": 2, "name": "b", "score": null}]}
from __future__ import annotations

from typing import Any, Optional, TypedDict, Literal, Union


class Item(TypedDict):
    id: int
    name: str
    score: Optional[float]


Mode = Literal["strict", "lenient"]


def normalise(item: Item, mode: Mode = "lenient") -> dict[str, Any]:
    score: float | None = item["score"]
    if score is None:
        if mode == "strict":
            raise ValueError(f"item {item['id']} has no score")
        score = 0.0
    return {"id": item["id"], "label": item["name"].upper(), "score": score}


def get_node():
    return {"name": "typing_hints", "friendly_name": "typing_hints", "description": "corpus program", "category": "Test", "pins": []}


def run(context: dict[str, Any]) -> dict[str, Union[dict, None]]:
    items: list[Item] = context["inputs"]["items"]
    return {"outputs": {"items": [normalise(i) for i in items], "isinst": isinstance(3, int | str)}, "error": None}
