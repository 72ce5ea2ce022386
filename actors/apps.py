from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = "People and organizations"
