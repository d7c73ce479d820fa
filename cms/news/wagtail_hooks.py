from wagtail import hooks


@hooks.register("bootstrap_demo_content")
def fill_demo_news(pages):
    from . import demo  # Pillow and YAML only when the demo is built, not at every start-up

    return demo.fill(pages)
