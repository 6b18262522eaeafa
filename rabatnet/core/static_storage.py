"""Static files hashed and compressed in every mode, ``DEBUG`` included."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedCompressedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage (hashed names, ``.gz`` and ``.br`` beside each file) whose URLs
    are the hashed names even when ``DEBUG`` is on (Django's own storage gives the plain
    names then), so a developer's browser meets what production sends."""

    def url(self, name: str | None, force: bool = True) -> str:
        return super().url(name, force=True)
