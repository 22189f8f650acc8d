#!/usr/bin/env python3
"""Writes running-example.xlsx from the shared running-example.csv (standard library only).

Timestamps become date-styled Excel serials of their local wall-clock time (the offset, +01:00
throughout, is dropped as Excel has no time zones), numbers become numbers, the rest shared
strings; the empty first header cell stays empty. The zip is deterministic.

Usage: make_running_example_xlsx.py [CSV] [XLSX]
"""
import csv
import datetime
import os
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "..", "shared", "data", "running-example.csv")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
EPOCH = datetime.datetime(1899, 12, 30)


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def sheet_xml(rows, strings):
    index = {}
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{column_letters(c)}{r}"
            if value == "":
                continue
            if r > 1 and rows[0][c] == "time:timestamp":
                local = datetime.datetime.fromisoformat(value).replace(tzinfo=None)
                serial = (local - EPOCH) / datetime.timedelta(days=1)
                cells.append(f'<c r="{ref}" s="1"><v>{serial!r}</v></c>')
            elif r > 1 and is_number(value):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                if value not in index:
                    index[value] = len(strings)
                    strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(out)}</sheetData></worksheet>')


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else CSV
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "running-example.xlsx")
    with open(source, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    strings = []
    sheet = sheet_xml(rows, strings)
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = {
        "[Content_Types].xml": head +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": head + f'<Relationships xmlns="{PACKAGE_RELS}">'
        f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": head + f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
        '<sheet name="Events" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": head + f'<Relationships xmlns="{PACKAGE_RELS}">'
        f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{RELS}/styles" Target="styles.xml"/>'
        '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": head + f'<sst xmlns="{MAIN}">{items}</sst>',
        "xl/styles.xml": head + f'<styleSheet xmlns="{MAIN}"><numFmts count="1">'
        '<numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>',
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)


if __name__ == "__main__":
    main()
