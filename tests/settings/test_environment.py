"""Numbers from the environment: a typo stops the start with the variable's name, not a bare ValueError."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.environment import env_float, env_int

ROOT = Path(__file__).resolve().parents[2]


def test_an_unset_or_blank_variable_gives_the_default(monkeypatch):
    monkeypatch.delenv("CMS_TEST_NUMBER", raising=False)
    assert env_int("CMS_TEST_NUMBER", 4) == 4
    monkeypatch.setenv("CMS_TEST_NUMBER", "  ")
    assert env_float("CMS_TEST_NUMBER", 2.5) == 2.5


def test_a_number_is_read_with_surrounding_spaces(monkeypatch):
    monkeypatch.setenv("CMS_TEST_NUMBER", " 12 ")
    assert env_int("CMS_TEST_NUMBER", 4, minimum=1) == 12
    monkeypatch.setenv("CMS_TEST_NUMBER", "0.5")
    assert env_float("CMS_TEST_NUMBER", 30, minimum=0) == 0.5


@pytest.mark.parametrize("raw", ["four", "4.5", "1e3x", "0x10"])
def test_a_value_that_is_not_a_whole_number_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("CMS_TEST_NUMBER", raw)
    with pytest.raises(ImproperlyConfigured, match=r"CMS_TEST_NUMBER must be a whole number, not '"):
        env_int("CMS_TEST_NUMBER", 4)


@pytest.mark.parametrize("raw", ["thirty", "nan", "inf", "-inf"])
def test_a_value_that_is_not_a_finite_number_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("CMS_TEST_NUMBER", raw)
    with pytest.raises(ImproperlyConfigured, match="CMS_TEST_NUMBER must be a number"):
        env_float("CMS_TEST_NUMBER", 30)


def test_a_value_below_the_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("CMS_TEST_NUMBER", "0")
    with pytest.raises(ImproperlyConfigured, match="CMS_TEST_NUMBER must be at least 1, not '0'"):
        env_int("CMS_TEST_NUMBER", 4, minimum=1)
    monkeypatch.setenv("CMS_TEST_NUMBER", "-1")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_float("CMS_TEST_NUMBER", 30, minimum=0)


def test_the_site_does_not_start_with_a_misspelt_setting_and_says_which():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "SEARCH_CONCURRENT_STATEMENTS": "four"}
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SEARCH_CONCURRENT_STATEMENTS must be a whole number, not 'four'" in result.stderr
