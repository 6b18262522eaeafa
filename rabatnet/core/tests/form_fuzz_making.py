"""The form fuzz's posts of the guide's making (issue 13): one list from its areas."""

from .form_fuzz_answers import answer_posts
from .form_fuzz_builder import builder_posts
from .form_fuzz_compilation import compilation_posts
from .form_fuzz_interest import interest_posts
from .form_fuzz_submissions import submission_posts
from .form_fuzz_support import Post
from .form_fuzz_workshops import workshop_posts
from .form_fuzz_xlsform import xlsform_posts


def making_posts() -> list[Post]:
    return [
        *submission_posts(),
        *workshop_posts(),
        *interest_posts(),
        *xlsform_posts(),
        *builder_posts(),
        *compilation_posts(),
        *answer_posts(),
    ]
