# inputs: {"prices": ["19.99", "5.01", "0.10", "0.20"], "tax": "0.077"}
from decimal import Decimal, ROUND_HALF_UP


def get_node():
    return {"name": "money_decimal", "friendly_name": "money_decimal", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    prices = [Decimal(p) for p in context["inputs"]["prices"]]
    subtotal = sum(prices, Decimal("0"))
    tax = (subtotal * Decimal(context["inputs"]["tax"])).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    total = subtotal + tax
    return {"outputs": {"subtotal": str(subtotal), "tax": str(tax), "total": str(total),
                        "float_sum": sum(float(p) for p in prices), "pretty": f"{float(total):,.2f} CHF"},
            "error": None}
