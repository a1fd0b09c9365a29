"""Prints each failed test of a .trx file with its message and the first lines of its stack, so the end of a CI
log says what failed (the console logger's failure lines sit among thousands of passed ones, and CI shows the tail)."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

def main(path: str) -> None:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        print(f"(could not read {path}: {error})")
        return
    failed = [r for r in root.iterfind(".//t:UnitTestResult", NS) if r.get("outcome") == "Failed"]
    for result in failed:
        print(f"FAILED {result.get('testName')} ({result.get('duration')})")
        message = result.findtext(".//t:Message", default="", namespaces=NS).strip()
        stack = result.findtext(".//t:StackTrace", default="", namespaces=NS).strip()
        for line in message.splitlines()[:25]:
            print(f"    {line[:400]}")
        ours = [l.strip() for l in stack.splitlines() if "IdentityAccess" in l][:6]
        for line in ours:
            print(f"    {line[:300]}")

if __name__ == "__main__":
    main(sys.argv[1])
