"""Traditional Chinese characters and their simplified forms, for folding text before comparing.

One table, shared by the citation parser (:mod:`cnenforce.citations.folding`) and the query
engine (:mod:`cnenforce.query.folding`). It covers the characters of legal titles, citation
words, authority names and the company and app names of the record (騰訊, 網易, 愛奇藝,
餓了麼, 攜程, 美團 ...); each traditional character maps to exactly one simplified character, so
folding keeps the length of a text and spans still index the original. A traditional character
outside the table is compared as written.
"""

from __future__ import annotations

from typing import Final

__all__ = ["TRADITIONAL_SIMPLIFIED"]

TRADITIONAL_SIMPLIFIED: Final = (
    "華华國国網网絡络條条數数據据個个資资護护規规辦办務务聯联綫线線线電电話话戶户實实記记錄录號号賬账帳账稱称證证評评會会動动"
    "員员輿舆論论屬属與与級级測测價价術术薦荐處处罰罚責责並并於于關关應应項项節节範范暫暂時时間间開开發发為为違违兩两萬万億亿"
    "維维權权標标準准經经濟济營营業业產产總总則则義义衛卫環环險险隱隐讀读決决議议審审構构機机臺台體体內内們们門门統统設设備备"
    "監监檢检驗验認认識识訊讯碼码組组織织職职擊击傳传輸输儲储離离將将對对紀纪綱纲細细試试圖图書书報报導导須须當当過过這这還还"
    "進进運运達达適适鏈链雲云頁页鑒鉴鑑鉴別别態态勢势響响預预災灾難难變变現现擔担損损場场區区縣县廳厅鄉乡鎮镇軍军黨党參参陸陆"
    "釋释訂订嚴严財财稅税廣广騰腾愛爱藝艺餓饿麼么攜携團团嗶哔頭头貨货滿满幫帮銀银醫医學学視视頻频遊游戲戏購购軟软車车東东亞亚"
    "陽阳長长蘇苏寧宁貴贵樂乐聲声錢钱貝贝寶宝訪访問问獲获順顺豐丰飛飞鳥鸟魚鱼龍龙鳳凤馬马驢驴雞鸡鴨鸭藥药療疗診诊講讲課课師师"
    "園园廠厂農农漢汉閱阅覽览絲丝紅红綠绿藍蓝黃黄貓猫遠远連连鄰邻邊边館馆樓楼島岛灣湾滬沪閩闽粵粤贛赣魯鲁瓊琼隴陇甯宁晉晋遼辽"
    "陝陕優优質质費费貸贷聞闻說说請请讓让計计謀谋語语譯译誌志顯显類类觀观覺觉親亲創创劃划勞劳勵励協协卻却縮缩紹绍給给絕绝綜综"
    "鍵键鐵铁鏡镜閃闪閉闭閒闲闊阔隊队階阶際际隨随雜杂雙双風风飄飘飯饭驅驱髮发鬆松鮮鲜鳴鸣麗丽齊齐齒齿龜龟貳贰"
)
"""Pairs of characters, written one after the other: traditional, then simplified."""
