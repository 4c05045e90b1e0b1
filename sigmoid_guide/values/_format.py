"""How a measured value is written in the prose, once for both languages.

Numbers are formatted with a Python format specification (``".3g"``, ``".1e"``,
``".0%"``, ``"d"``), so Korean and English pages show the same digits. A Korean
particle after a number depends on how the number is read aloud (12.8 is read
"십이 점 팔", ending in ㄹ, so 12.8**이**; 12.9 ends in "구", so 12.9**가**):
``korean_particle`` chooses it from the rendered text.
"""

from __future__ import annotations

import math
import numbers
import re

__all__ = ["format_number", "korean_particle", "with_particle"]


def format_number(value: object, fmt: str) -> str:
    """Format a finite real number with the format spec ``fmt``.

    Raises:
        TypeError: ``value`` is not a real number (bools are refused too).
        ValueError: ``value`` is NaN or infinite, or ``fmt`` is ``"d"`` and the value
            is not a whole number.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"a prose value must be a real number, got {type(value).__name__}")
    value = float(value) if not isinstance(value, numbers.Integral) else int(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"a prose value must be finite, got {value!r}")
    if fmt.endswith("d"):
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(f"format {fmt!r} needs a whole number, got {value!r}")
            value = int(value)
    return format(value, fmt)


# How each final digit is read (Sino-Korean): its last sound decides the particle.
_DIGIT_READING = {
    "0": "영",
    "1": "일",
    "2": "이",
    "3": "삼",
    "4": "사",
    "5": "오",
    "6": "육",
    "7": "칠",
    "8": "팔",
    "9": "구",
}
# A whole number ending in k zeros ends in the name of that power of ten.
_POWER_READING = {1: "십", 2: "백", 3: "천", 0: "만"}  # k % 4 (10⁴ 만, 10⁸ 억 end alike)
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # index of ㄹ among the final consonants
_INTEGER = re.compile(r"[0-9]+")


def _final_syllable(text: str) -> str:
    """The Hangul syllable a reader says last when reading ``text`` aloud."""
    text = text.rstrip()
    if not text:
        raise ValueError("cannot choose a particle after an empty value")
    last = text[-1]
    if _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        return last
    if last == "%":
        return "트"  # 퍼센트
    if last.isdigit():
        integer = _INTEGER.fullmatch(text.lstrip("+-\u2212"))
        if integer and len(text.lstrip("+-\u2212")) > 1 and last == "0":
            digits = integer.group()
            zeros = len(digits) - len(digits.rstrip("0"))
            if zeros < len(digits):  # not 0 itself
                return _POWER_READING[zeros % 4][-1]
        return _DIGIT_READING[last]
    raise ValueError(f"cannot tell how {text!r} is read aloud, so no particle can follow it")


def _has_final_consonant(syllable: str) -> tuple[bool, bool]:
    """(has a final consonant, that consonant is ㄹ) for one Hangul syllable."""
    final = (ord(syllable) - _HANGUL_FIRST) % 28
    return final != 0, final == _RIEUL


# Particle pairs as (after a final consonant, after a vowel); "(으)로" also takes 로
# after ㄹ.
_PAIRS = {
    "이/가": ("이", "가"),
    "은/는": ("은", "는"),
    "을/를": ("을", "를"),
    "과/와": ("과", "와"),
    "이나/나": ("이나", "나"),
    "이라/라": ("이라", "라"),
    "으로/로": ("으로", "로"),
}


def korean_particle(rendered: str, pair: str) -> str:
    """The form of particle ``pair`` (e.g. ``"이/가"``) that follows ``rendered``.

    Raises:
        ValueError: an unknown pair, or a value whose reading is unclear.

    Examples:
        >>> korean_particle("12.8", "이/가"), korean_particle("12.9", "이/가")
        ('이', '가')
        >>> korean_particle("2", "은/는"), korean_particle("10", "은/는")
        ('는', '은')
        >>> korean_particle("0.7", "으로/로"), korean_particle("3", "으로/로")
        ('로', '으로')
    """
    try:
        consonant_form, vowel_form = _PAIRS[pair]
    except KeyError:
        known = ", ".join(_PAIRS)
        raise ValueError(f"unknown Korean particle {pair!r}; known: {known}") from None
    has_final, rieul = _has_final_consonant(_final_syllable(rendered))
    if pair == "으로/로" and rieul:
        return vowel_form
    return consonant_form if has_final else vowel_form


def with_particle(rendered: str, pair: str | None) -> str:
    """``rendered`` followed by the right form of ``pair`` (nothing when ``pair`` is None)."""
    return rendered if pair is None else rendered + korean_particle(rendered, pair)
