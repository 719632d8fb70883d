from node import run


def test_parse_fails_inside_the_module():
    # Fails on purpose: `mpnode test` must show the module's traceback.
    run({"inputs": {"text": "not a number"}})
