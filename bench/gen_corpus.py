#!/usr/bin/env python3
"""Write a synthetic corpus in aseankg's real data format, large enough to measure the export.

Each document has a Chinese text (wire header, title, preamble paragraphs, numbered clauses) and its
own relations file; all share one entity register. Entity names and aliases occur in the texts, every
relation's evidence is a quote from the paragraph it names, and every document after the first
recalls the one before it by its title, so the export links them (the earlier document's `entity`).

usage: gen_corpus.py PARAGRAPHS OUT_DIR [DOCUMENTS [SEED]]
  PARAGRAPHS is the total over all documents; DOCUMENTS defaults to one per 100 paragraphs.
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


def make_names(rng, count):
    """Distinct names; the brackets keep any name from occurring inside another."""
    names, seen = [], set()
    while len(names) < count:
        name = "《" + "".join(rng.choice(SYLLABLES) for _ in range(4)) + str(len(names)) + "》"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def write_document(out, k, paragraphs, names, aliases, rng, used):
    """Write document k's text and relations; return its title."""
    title = f"关于合成主题第{k}号的联合声明"
    n_clauses = min(20, max(1, paragraphs // 50))
    lines = ["新华社 测试电", title, f"我们，{names[0]}的各方："]
    relations = []
    if k:
        previous = f"关于合成主题第{k - 1}号的联合声明"
        lines.append(f"各方回顾{previous}。")
        relations.append((f"preamble-{len(lines) - 2}", "e0", "recalls", f"statement-{k - 1}", previous))
    for p in range(paragraphs):
        picks = [rng.randrange(len(names)) for _ in range(3)]
        verb = rng.choice(PREDICATES)
        # Every fourth entity also goes by an alias, written after its name; odd paragraphs quote the alias.
        written = [names[i] + (f"（{aliases[i]}）" if i in aliases else "") for i in picks]
        text = f"各方{verb}合作，包括{'、'.join(written)}，并继续推进第{p}项工作；"
        index = p - (paragraphs - n_clauses)
        if index >= 0:
            text = numeral(index + 1) + "、" + text
            segment = f"clause-{index + 1}"
        else:
            segment = f"preamble-{len(lines) - 1}"
        lines.append(text)
        for i in sorted(set(picks)):
            used.add(i)
            quote = aliases[i] if i in aliases and p % 2 else names[i]
            relations.append((segment, "e0", verb, f"e{i}", quote))

    with open(os.path.join(out, f"statement-{k}.zh.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, f"statement-{k}.relations.yaml"), "w", encoding="utf-8") as f:
        f.write("relations:\n")
        for segment, subject, verb, obj, quote in relations:
            f.write(f"  - subject: {subject}\n    predicate: {verb}\n    object: {obj}\n"
                    f"    segment: {segment}\n    evidence: \"{quote}\"\n")
    return title


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    paragraphs, out = int(sys.argv[1]), sys.argv[2]
    documents = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, paragraphs // 100)
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    os.makedirs(out, exist_ok=True)

    names = make_names(rng, max(8, paragraphs // 4))
    aliases = {i: "〈" + name[1:-1] + "〉" for i, name in enumerate(names) if i % 4 == 3}
    used = {0}
    titles = []
    for k in range(documents):
        share = paragraphs // documents + (1 if k < paragraphs % documents else 0)
        titles.append(write_document(out, k, max(1, share), names, aliases, rng, used))

    with open(os.path.join(out, "dataset.yaml"), "w", encoding="utf-8") as f:
        f.write("dataset:\n  title: synthetic benchmark corpus\n  version: \"1\"\n  created: 2026-11-23\n"
                "  license: https://creativecommons.org/licenses/by/4.0/\ndocuments:\n")
        for k, title in enumerate(titles):
            # Documents some later one recalls are register entities too.
            entity = f"\n    entity: statement-{k}" if k + 1 < documents else ""
            f.write(f"  - id: statement-{k}{entity}\n    text: statement-{k}.zh.txt\n"
                    f"    relations: statement-{k}.relations.yaml\n    title_zh: {title}\n"
                    f"    title_en: Synthetic joint statement {k}\n    publisher: e0\n    published: 2026-11-23\n"
                    f"    dateline_place: e0\n    dateline_date: 2026-11-23\n    language: zh\n")
    with open(os.path.join(out, "entities.yaml"), "w", encoding="utf-8") as f:
        f.write("entities:\n")
        for i, name in enumerate(names):
            if i in used:
                alias = f"\n    aliases: [\"{aliases[i]}\"]" if i in aliases else ""
                f.write(f"  - id: e{i}\n    type: {TYPES[i % len(TYPES)]}\n    zh: \"{name}\"\n"
                        f"    en: synthetic entity {i}\n    gloss: true{alias}\n")
        for k, title in enumerate(titles[:-1]):
            f.write(f"  - id: statement-{k}\n    type: JointStatementDocument\n    zh: {title}\n"
                    f"    en: Synthetic joint statement {k}\n    gloss: true\n")


if __name__ == "__main__":
    main()
