"""Province-level divisions of China: ISO 3166-2:CN codes and their names in both languages.

The codes and ISO names are the current ISO 3166-2:CN list (letter codes, in use since the
2017 revision), as published in the iso-codes data that pycountry ships (``iso3166-2.json``).
The English names shown to readers are the short names in common use: ISO gives the autonomous
regions their romanised full names ("Ningxia Huizi Zizhiqu", ISO's own spelling), which read
as codes in a table; those stay available as :attr:`Province.iso_name` and as lookups.
The Chinese full and short names are the standard names, cross-checked against two public
tables mapping ISO 3166-2:CN codes to them (GitHub files read on 2026-11-30; see the
changelog). Lookups accept a code, an English name or a Chinese name, full or short.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

import attrs

__all__ = ["PROVINCES", "Province", "find_province", "is_province_code"]


@attrs.frozen(kw_only=True)
class Province:
    """One province-level division."""

    code: str
    """ISO 3166-2:CN code, e.g. ``"CN-GD"``."""
    name_en: str
    """English short name in common use, e.g. ``"Guangdong"``, ``"Inner Mongolia"``."""
    iso_name: str
    """The name ISO 3166-2:CN gives, e.g. ``"Guangdong"``, ``"Nei Mongol Zizhiqu"``."""
    name_zh: str
    """Chinese full name, e.g. ``"广东省"``."""
    short_zh: str
    """Chinese short name, e.g. ``"广东"``."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it goes by, once each: code, English, ISO, Chinese full and short names."""
        return tuple(dict.fromkeys((self.code, self.name_en, self.iso_name, self.name_zh, self.short_zh)))


# Code, English name in common use, Chinese full name, Chinese short name, and ISO's name where
# it differs from the English name.
_TABLE: Final[tuple[tuple[str, ...], ...]] = (
    ("CN-AH", "Anhui", "安徽省", "安徽"),
    ("CN-BJ", "Beijing", "北京市", "北京"),
    ("CN-CQ", "Chongqing", "重庆市", "重庆"),
    ("CN-FJ", "Fujian", "福建省", "福建"),
    ("CN-GD", "Guangdong", "广东省", "广东"),
    ("CN-GS", "Gansu", "甘肃省", "甘肃"),
    ("CN-GX", "Guangxi", "广西壮族自治区", "广西", "Guangxi Zhuangzu Zizhiqu"),
    ("CN-GZ", "Guizhou", "贵州省", "贵州"),
    ("CN-HA", "Henan", "河南省", "河南"),
    ("CN-HB", "Hubei", "湖北省", "湖北"),
    ("CN-HE", "Hebei", "河北省", "河北"),
    ("CN-HI", "Hainan", "海南省", "海南"),
    ("CN-HK", "Hong Kong SAR", "香港特别行政区", "香港"),
    ("CN-HL", "Heilongjiang", "黑龙江省", "黑龙江"),
    ("CN-HN", "Hunan", "湖南省", "湖南"),
    ("CN-JL", "Jilin", "吉林省", "吉林"),
    ("CN-JS", "Jiangsu", "江苏省", "江苏"),
    ("CN-JX", "Jiangxi", "江西省", "江西"),
    ("CN-LN", "Liaoning", "辽宁省", "辽宁"),
    ("CN-MO", "Macao SAR", "澳门特别行政区", "澳门"),
    ("CN-NM", "Inner Mongolia", "内蒙古自治区", "内蒙古", "Nei Mongol Zizhiqu"),
    ("CN-NX", "Ningxia", "宁夏回族自治区", "宁夏", "Ningxia Huizi Zizhiqu"),
    ("CN-QH", "Qinghai", "青海省", "青海"),
    ("CN-SC", "Sichuan", "四川省", "四川"),
    ("CN-SD", "Shandong", "山东省", "山东"),
    ("CN-SH", "Shanghai", "上海市", "上海"),
    ("CN-SN", "Shaanxi", "陕西省", "陕西"),
    ("CN-SX", "Shanxi", "山西省", "山西"),
    ("CN-TJ", "Tianjin", "天津市", "天津"),
    ("CN-TW", "Taiwan", "台湾省", "台湾"),
    ("CN-XJ", "Xinjiang", "新疆维吾尔自治区", "新疆", "Xinjiang Uygur Zizhiqu"),
    ("CN-XZ", "Xizang", "西藏自治区", "西藏", "Xizang Zizhiqu"),
    ("CN-YN", "Yunnan", "云南省", "云南"),
    ("CN-ZJ", "Zhejiang", "浙江省", "浙江"),
)

PROVINCES: Final = MappingProxyType(
    {
        code: Province(code=code, name_en=en, name_zh=zh, short_zh=short, iso_name=iso[0] if iso else en)
        for code, en, zh, short, *iso in _TABLE
    }
)
"""ISO 3166-2:CN province-level code -> :class:`Province`, read-only, in code order."""

_EXTRA_ENGLISH: Final = {
    "nei mongol": "CN-NM",
    "tibet": "CN-XZ",
    "hong kong": "CN-HK",
    "macao": "CN-MO",
    "macau": "CN-MO",
}
"""English names in common use besides ISO's (lower case)."""


def _build_names() -> dict[str, str]:
    names: dict[str, str] = dict(_EXTRA_ENGLISH)
    for province in PROVINCES.values():
        for name in province.names:
            names[name.casefold()] = province.code
    return names


_NAMES: Final = MappingProxyType(_build_names())


def is_province_code(code: str) -> bool:
    """Return whether *code* is an ISO 3166-2:CN province-level code such as ``"CN-GD"``."""
    return code in PROVINCES


def find_province(name: str) -> Province | None:
    """The province with this code or name, in English or Chinese; ``None`` if none.

    >>> find_province("Guangdong").code
    'CN-GD'
    >>> find_province("广东省").code, find_province("广东").code, find_province("cn-gd").code
    ('CN-GD', 'CN-GD', 'CN-GD')
    """
    code = _NAMES.get(name.strip().casefold())
    return None if code is None else PROVINCES[code]
