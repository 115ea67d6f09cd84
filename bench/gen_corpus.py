#!/usr/bin/env python3
"""Write a synthetic document in aseankg's real data format, large enough to measure the export:
a Chinese text of many preamble paragraphs and a few numbered clauses, entities whose names occur in
it, and relations whose evidence quotes really occur in the paragraph they name.

usage: gen_corpus.py PARAGRAPHS OUT_DIR [SEED]
"""
import os
import random
import sys

DIGITS = "一二三四五六七八九"
SYLLABLES = "东南西北中和平发展合作安全繁荣绿色数字海洋能源贸易投资科技创新人文交流农业卫生教育旅游"
TYPES = ["Initiative", "Forum", "Project", "Fund", "Framework", "CooperationArea", "Institution"]
PREDICATES = ["supports", "welcomes", "implements", "promotes", "strengthens", "notes", "encourages"]


def numeral(n):
    tens, units = divmod(n, 10)
    return (DIGITS[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (DIGITS[units - 1] if units else "")


def main():
    paragraphs, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    os.makedirs(out, exist_ok=True)

    n_entities = max(8, paragraphs // 4)
    names = []
    seen = set()
    while len(names) < n_entities:
        # "《…》" brackets keep every name from being a substring of another.
        name = "《" + "".join(rng.choice(SYLLABLES) for _ in range(4)) + str(len(names)) + "》"
        if name not in seen:
            seen.add(name)
            names.append(name)

    title = "关于合成测试文本的联合声明"
    lines = ["新华社 测试电", title, "我们，各方：" + names[0] + "。"]
    relations = []
    entity_used = set([0])
    n_clauses = min(20, max(1, paragraphs // 50))
    for p in range(paragraphs):
        picks = [rng.randrange(n_entities) for _ in range(3)]
        verb = rng.choice(PREDICATES)
        body = "、".join(names[i] for i in picks)
        text = f"各方{verb}合作，包括{body}，并继续推进第{p}项工作；"
        clause = p >= paragraphs - n_clauses
        if clause:
            text = numeral(p - (paragraphs - n_clauses) + 1) + "、" + text
            segment = f"clause-{p - (paragraphs - n_clauses) + 1}"
        else:
            segment = f"preamble-{p + 2}"
        lines.append(text)
        entity_used.update(picks)
        for i in sorted(set(picks)):
            relations.append((segment, i, verb, names[i]))

    with open(os.path.join(out, "text.zh.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "dataset.yaml"), "w", encoding="utf-8") as f:
        f.write(f"""dataset:
  title: synthetic benchmark corpus
  version: "1"
  created: 2026-11-23
  license: https://creativecommons.org/licenses/by/4.0/
document:
  id: synthetic
  text: text.zh.txt
  title_zh: {title}
  title_en: Synthetic joint statement
  publisher: e0
  published: 2026-11-23
  dateline_place: e0
  dateline_date: 2026-11-23
  language: zh
""")
    with open(os.path.join(out, "entities.yaml"), "w", encoding="utf-8") as f:
        f.write("entities:\n")
        for i, name in enumerate(names):
            if i in entity_used:
                f.write(f"  - id: e{i}\n    type: {TYPES[i % len(TYPES)]}\n    zh: \"{name}\"\n"
                        f"    en: synthetic entity {i}\n    gloss: true\n")
    with open(os.path.join(out, "relations.yaml"), "w", encoding="utf-8") as f:
        f.write("relations:\n")
        for segment, i, verb, name in relations:
            f.write(f"  - subject: e0\n    predicate: {verb}\n    object: e{i}\n"
                    f"    segment: {segment}\n    evidence: \"{name}\"\n")


if __name__ == "__main__":
    main()
