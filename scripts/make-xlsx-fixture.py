#!/usr/bin/env python3
"""Writes Tests/MaturityImportTests/Fixtures/microsoft-forms.xlsx: a workbook laid out like a
Microsoft Forms "Open in Excel" export (ID, Start time, Completion time, Email, Name, then one
column per question; multiple choices joined with ';' and a trailing ';'), written part by part
as Excel writes them: shared strings (one rich text, one with a phonetic hint), date-styled
serial numbers, an inline string, a boolean, a namespace prefix on the sheet's elements and a
missing cell. Independent of the Swift reader, so the test does not check the reader against
itself. Usage: python3 scripts/make-xlsx-fixture.py"""
import os

import xlsx_parts

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "MaturityImportTests", "Fixtures", "microsoft-forms.xlsx")

strings = [
    "ID", "Start time", "Completion time", "Email", "Name",
    "What is your field?", "Which funding sources?", "How aware are you?", "Do you have a partner?", "Age",
    "anonymous", "biology-related", "Source 1;Source 3;", "Fully aware", "Yes", "No",
    "jane.doe@example.fr", "Jane Doe", "physics-related", "None;", "Somewhat aware",
    "Ltd & Co", "Rather not aware",
]
index = {s: i for i, s in enumerate(strings)}


def sst():
    items = []
    for s in strings:
        if s == "Fully aware":  # a rich text: two runs
            items.append('<si><r><t>Fully</t></r><r><rPr><b/></rPr><t xml:space="preserve"> aware</t></r></si>')
        elif s == "Jane Doe":  # a phonetic hint that is not part of the text
            items.append('<si><t>Jane Doe</t><rPh sb="0" eb="4"><t>JEIN</t></rPh></si>')
        else:
            items.append(f"<si><t>{xlsx_parts.escape(s)}</t></si>")
    return xlsx_parts.shared_strings(items)


def s(ref, text):
    return f'<x:c r="{ref}" t="s"><x:v>{index[text]}</x:v></x:c>'


def n(ref, value, style=0):
    return f'<x:c r="{ref}" s="{style}"><x:v>{value}</x:v></x:c>'


rows = [
    [s("A1", "ID"), s("B1", "Start time"), s("C1", "Completion time"), s("D1", "Email"), s("E1", "Name"),
     s("F1", "What is your field?"), s("G1", "Which funding sources?"), s("H1", "How aware are you?"),
     s("I1", "Do you have a partner?"), s("J1", "Age")],
    # Row 2: no Name cell at all (E2 missing), an anonymous respondent.
    [n("A2", 1), n("B2", "45234.4375", 1), n("C2", "45234.440972222222", 1), s("D2", "anonymous"),
     s("F2", "biology-related"), s("G2", "Source 1;Source 3;"), s("H2", "Fully aware"), s("I2", "Yes"), n("J2", 34)],
    [n("A3", 2), n("B3", "45235", 2), n("C3", "45235.5", 1), s("D3", "jane.doe@example.fr"), s("E3", "Jane Doe"),
     s("F3", "physics-related"), s("G3", "None;"), s("H3", "Somewhat aware"), '<x:c r="I3" t="b"><x:v>0</x:v></x:c>',
     n("J3", 28)],
    # Row 5 (row 4 is empty and absent): the age is text, so the row is rejected.
    [n("A5", 3), n("B5", "45236.25", 1), n("C5", "45236.26", 1), s("D5", "anonymous"), s("E5", "Ltd & Co"),
     '<x:c r="F5" t="inlineStr"><x:is><x:t>Other</x:t></x:is></x:c>', s("H5", "Rather not aware"), s("I5", "No"),
     '<x:c r="J5" t="inlineStr"><x:is><x:t>forty</x:t></x:is></x:c>'],
]
row_numbers = [1, 2, 3, 5]
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
         + "".join(f'<x:row r="{r}">{"".join(cells)}</x:row>' for r, cells in zip(row_numbers, rows))
         + "</x:sheetData></x:worksheet>")

xlsx_parts.write(OUT, sheet, sst())
print(OUT)
