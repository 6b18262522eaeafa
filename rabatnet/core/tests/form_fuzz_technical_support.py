"""The form fuzz's posts of technical support (issue 12): one list from its five areas."""

from .form_fuzz_clock import clock_posts
from .form_fuzz_experts import expert_posts
from .form_fuzz_matching import matching_posts
from .form_fuzz_missions import mission_posts
from .form_fuzz_requests import request_posts
from .form_fuzz_support import Post
from .form_fuzz_xlsform import xlsform_posts


def technical_support_posts() -> list[Post]:
    return [
        *request_posts(),
        *mission_posts(),
        *clock_posts(),
        *matching_posts(),
        *expert_posts(),
        *xlsform_posts(),  # issue 13, A (gathered here: test_form_fuzz.py is full)
    ]
