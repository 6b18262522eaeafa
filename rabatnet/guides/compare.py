"""A readable, part-by-part comparison of two editions' contents."""

import difflib

from .rendering import part_titles


def _lines(content: dict) -> dict[str, list[str]]:
    p1, p2, p3, p4 = (content[k] for k in ("part1", "part2", "part3", "part4"))
    return {
        "context": [p.strip() for p in content["context"].split("\n\n") if p.strip()],
        "part1": [
            f"{e['name']} — {s['name']}: {s['kind']}; {s['status']}; {s['periodicity']}; "
            f"{s['last_release']}; {s['access']}; {', '.join(s['areas'])}; {s['contact']}"
            for g in p1["groups"]
            for e in g["entities"]
            for s in e["sources"]
        ],
        "part2": [
            f"{a['name']} — {stage['name']}: {a['roles'][stage['key']]}"
            for a in p2["actors"]
            for stage in p2["stages"]
            if stage["key"] in a["roles"]
        ],
        "part3": [f"☑ {i['title']}" for i in p3["contents"] if i["covered"]]
        + [
            f"{m['name']}, {m['organisation']} {'(coordinator)' if m['coordinator'] else ''}"
            for m in p3["workgroup"]
        ]
        + [f"{p['title']}: {p['description']}" for p in p3["practices"]]
        + [
            f"{c['title']} → {a['description']} ({a['owner']}, {a['due_date']}, {a['status']})"
            for c in p3["challenges"]
            for a in c["actions"]
        ],
        "part4": [
            f"{c['name']}: {r['text']} ({r['addressee']}; {r['priority']})"
            for c in p4["categories"]
            for r in c["items"]
        ],
        "annex": [f"{p['name']}, {p['position']}, {p['organisation']}" for p in content["annex"]],
    }


def compare_contents(old: dict, new: dict) -> list[dict[str, object]]:
    """For each part: its title, lines removed and added, and how many stayed the same."""
    titles = part_titles(new["language"])
    before, after = _lines(old), _lines(new)
    parts = []
    for key, title in titles.items():
        matcher = difflib.SequenceMatcher(a=before[key], b=after[key], autojunk=False)
        removed, added, same = [], [], 0
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                same += a2 - a1
            else:
                removed += before[key][a1:a2]
                added += after[key][b1:b2]
        parts.append({"key": key, "title": title, "removed": removed, "added": added, "same": same})
    return parts
