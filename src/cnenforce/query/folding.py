"""Folding text for comparison: one form for names and free text, whatever case, width or
script they were written in.

:func:`fold` applies Unicode NFKC (full-width letters and digits become ASCII), case folding,
and maps traditional Chinese characters to simplified ones, so that "PIPL", "pipl" and
"ＰＩＰＬ" compare equal, and so do 個人信息保護法 and 个人信息保护法. The table covers the
characters of legal titles, authority names and the company and app names of the record
(騰訊, 網易, 愛奇藝, 餓了麼, 攜程, 美團 ...); a traditional character outside it is compared as
written.
"""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["fold"]

# Pairs of characters: traditional, then simplified.
_PAIRS: Final = (
    "S:al華华國国網网絡络條条數数據据個个資资護护規规辦办務务聯联綫线線线電电話话"
    "戶户實实記记錄录號号賬账帳账稱称證证評评會会動动員员輿舆論论屬属與与級级測测價价"
    "術术薦荐處处罰罚責责並并於于關关應应項项節节範范暫暂時时間间開开發发為为違违兩两"
    "萬万億亿維维權权標标準准經经濟济營营業业產产總总則则義义衛卫環环險险隱隐讀读決决"
    "議议審审構构機机臺台體体內内們们門门統统設设備备監监檢检驗验認认識识訊讯碼码組组"
    "織织職职擊击傳传輸输儲储離离將将對对紀纪綱纲細细試试圖图書书報报導导須须當当過过"
    "這这還还進进運运達达適适鏈链雲云頁页鑒鉴鑑鉴別别態态勢势響响預预災灾難难變变現现"
    "擔担損损場场區区縣县廳厅鄉乡鎮镇軍军黨党參参陸陆釋释訂订嚴严財财稅税廣广騰腾愛爱"
    "藝艺餓饿麼么攜携團团嗶哔頭头貨货滿满幫帮銀银醫医學学視视頻频遊游戲戏購购軟软車车"
    "東东亞亚陽阳長长蘇苏寧宁貴贵樂乐聲声錢钱貝贝寶宝訪访問问獲获順顺豐丰飛飞鳥鸟魚鱼"
    "龍龙鳳凤馬马驢驴雞鸡鴨鸭藥药療疗診诊講讲課课師师園园廠厂農农漢汉閱阅覽览絲丝紅红"
    "綠绿藍蓝黃黄貓猫遠远連连鄰邻邊边館馆樓楼島岛灣湾滬沪閩闽粵粤贛赣魯鲁瓊琼隴陇甯宁"
    "晉晋遼辽陝陕優优質质費费貸贷聞闻說说請请讓让計计謀谋語语譯译誌志顯显類类觀观覺觉"
    "親亲創创劃划勞劳勵励協协卻却縮缩紹绍給给絕绝綜综鍵键鐵铁鏡镜閃闪閉闭閒闲闊阔隊队"
    "階阶際际隨随雜杂雙双風风飄飘飯饭驅驱髮发鬆松鮮鲜鳴鸣麗丽齊齐齒齿龜龟"
)
_TABLE: Final = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])


def fold(text: str) -> str:
    """*text* in its comparison form: NFKC, case-folded, traditional characters simplified.

    >>> fold("ＰＩＰＬ") == fold("pipl")
    True
    >>> fold("個人信息保護法")
    '个人信息保护法'
    """
    if text.isascii():
        return text.lower()  # the same as case folding, for ASCII
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.casefold().translate(_TABLE)
