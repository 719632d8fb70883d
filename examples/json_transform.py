# Reshapes an order document: totals per customer (amounts summed in whole
# cents, so the float output is exact), the largest item, a big-int checksum
# and a nested summary.


def get_node():
    return {
        "name": "py_order_summary",
        "friendly_name": "Order Summary",
        "description": "Totals an order document per customer",
        "category": "Data/Python",
        "pins": [
            {"name": "exec", "friendly_name": "Input", "description": "", "pin_type": "Input", "data_type": "Execution"},
            {"name": "orders", "friendly_name": "Orders", "description": "A list of orders", "pin_type": "Input",
             "data_type": "Struct", "value_type": "Array"},
            {"name": "exec_out", "friendly_name": "Output", "description": "", "pin_type": "Output", "data_type": "Execution"},
            {"name": "summary", "friendly_name": "Summary", "description": "Per-customer totals", "pin_type": "Output",
             "data_type": "Struct"},
        ],
    }


def run(context):
    orders = context["inputs"].get("orders", [])
    customers = {}
    biggest = None
    for order in orders:
        c = customers.setdefault(order["customer"], {"orders": 0, "cents": 0, "units": 0, "skus": []})
        c["orders"] += 1
        for item in order["items"]:
            c["cents"] += int(item["price"] * 100 + 0.5) * item["qty"]
            c["units"] += item["qty"]
            if item["sku"] not in c["skus"]:
                c["skus"].append(item["sku"])
            if biggest is None or item["price"] > biggest["price"]:
                biggest = {"sku": item["sku"], "price": item["price"]}
    for c in customers.values():
        c["skus"].sort()
        c["amount"] = c.pop("cents") / 100
    return {"outputs": {"summary": {"customers": customers, "biggest": biggest,
                                    "checksum": sum(o["id"] for o in orders) * 10 ** 30}},
            "error": None}
