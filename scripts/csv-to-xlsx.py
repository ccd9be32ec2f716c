#!/usr/bin/env python3
"""Converts a CSV file (e.g. `maturity sample` output) into a one-sheet .xlsx workbook, as a
spreadsheet would save it: texts as shared strings, plain numbers as number cells (a number
with leading zeros, like a SIREN, stays text). Used by bench-xlsx.sh.
Usage: python3 scripts/csv-to-xlsx.py IN.csv OUT.xlsx"""
import csv
import re
import sys

import xlsx_parts

NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def main(source, target):
    strings = {}
    rows = []
    with open(source, newline="", encoding="utf-8-sig") as f:
        for number, record in enumerate(csv.reader(f), start=1):
            cells = []
            for index, value in enumerate(record):
                if value == "":
                    continue
                ref = f"{column(index)}{number}"
                if NUMBER.fullmatch(value):
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                else:
                    position = strings.setdefault(value, len(strings))
                    cells.append(f'<c r="{ref}" t="s"><v>{position}</v></c>')
            rows.append(f'<row r="{number}">{"".join(cells)}</row>')
    sheet = (xlsx_parts.HEAD + f'<worksheet xmlns="{xlsx_parts.MAIN}"><sheetData>' + "".join(rows)
             + "</sheetData></worksheet>")
    shared = xlsx_parts.shared_strings(
        [f'<si><t xml:space="preserve">{xlsx_parts.escape(text)}</t></si>' for text in strings])
    xlsx_parts.write(target, sheet, shared)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
