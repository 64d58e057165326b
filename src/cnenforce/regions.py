"""Province-level divisions of China and their ISO 3166-2:CN codes.

The table is the current ISO 3166-2:CN list (letter codes, in use since the 2017 revision), as
published in the iso-codes data that pycountry ships (``iso3166-2.json``).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

__all__ = ["PROVINCES", "is_province_code"]

PROVINCES: Final = MappingProxyType(
    {
        "CN-AH": "Anhui",
        "CN-BJ": "Beijing",
        "CN-CQ": "Chongqing",
        "CN-FJ": "Fujian",
        "CN-GD": "Guangdong",
        "CN-GS": "Gansu",
        "CN-GX": "Guangxi Zhuangzu Zizhiqu",
        "CN-GZ": "Guizhou",
        "CN-HA": "Henan",
        "CN-HB": "Hubei",
        "CN-HE": "Hebei",
        "CN-HI": "Hainan",
        "CN-HK": "Hong Kong SAR",
        "CN-HL": "Heilongjiang",
        "CN-HN": "Hunan",
        "CN-JL": "Jilin",
        "CN-JS": "Jiangsu",
        "CN-JX": "Jiangxi",
        "CN-LN": "Liaoning",
        "CN-MO": "Macao SAR",
        "CN-NM": "Nei Mongol Zizhiqu",
        "CN-NX": "Ningxia Huizi Zizhiqu",
        "CN-QH": "Qinghai",
        "CN-SC": "Sichuan",
        "CN-SD": "Shandong",
        "CN-SH": "Shanghai",
        "CN-SN": "Shaanxi",
        "CN-SX": "Shanxi",
        "CN-TJ": "Tianjin",
        "CN-TW": "Taiwan",
        "CN-XJ": "Xinjiang Uygur Zizhiqu",
        "CN-XZ": "Xizang Zizhiqu",
        "CN-YN": "Yunnan",
        "CN-ZJ": "Zhejiang",
    }
)
"""ISO 3166-2:CN province-level code -> English short name, read-only."""


def is_province_code(code: str) -> bool:
    """Return whether *code* is an ISO 3166-2:CN province-level code such as ``"CN-GD"``."""
    return code in PROVINCES
