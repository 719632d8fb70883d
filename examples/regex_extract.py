# Extracts e-mail addresses and dates (ISO 2024-05-01 or European 01.05.2024)
# from text with the `re` module. Seed style: get_node() returns the
# definition, run(context) the outputs.
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DATE = re.compile(r"\b(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))\b")


def pin(name, friendly, pin_type, data_type, description, value_type="Normal"):
    return {"name": name, "friendly_name": friendly, "description": description,
            "pin_type": pin_type, "data_type": data_type, "value_type": value_type}


def get_node():
    return {
        "name": "wasm_python_regex_extract",
        "friendly_name": "Extract E-mails and Dates (Python)",
        "description": "Finds e-mail addresses and dates in the input text",
        "category": "Custom/WASM",
        "pins": [
            pin("exec", "Input", "Input", "Execution", "Starts the node"),
            pin("text", "Text", "Input", "String", "Text to search"),
            pin("exec_out", "Output", "Output", "Execution", "Done"),
            pin("emails", "E-mails", "Output", "String", "E-mail addresses, lower case, in order, no repeats", "Array"),
            pin("dates", "Dates", "Output", "String", "Dates as YYYY-MM-DD, in order", "Array"),
            pin("redacted", "Redacted", "Output", "String", "The text with e-mail addresses hidden"),
        ],
    }


def iso(m):
    if m.group(1):
        return "-".join(m.group(1, 2, 3))
    return "%s-%02d-%02d" % (m.group(6), int(m.group(5)), int(m.group(4)))


def run(context):
    text = context["inputs"].get("text", "")
    emails = []
    for address in EMAIL.findall(text):
        address = address.lower()
        if address not in emails:
            emails.append(address)
    dates = [iso(m) for m in DATE.finditer(text)]
    redacted = EMAIL.sub(lambda m: m.group(0)[0] + "…@" + m.group(0).split("@")[1], text)
    return {"outputs": {"emails": emails, "dates": dates, "redacted": redacted}, "error": None}
