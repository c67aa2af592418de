package jp.moshisapo.facility.poster;

import jp.moshisapo.facility.config.FacilityConfig;

/**
 * The flyer's sentences, worded as in the seed (「QRコードの発行」 flyer of もしサポ岩手) with the prefecture's names
 * taken from configuration.
 */
public record PosterWording(String accountLabel, String accountName, String serviceTagline, String serviceName,
        String explanation, String issuer, String scanHere, String scanEveryVisitBefore, String scanEveryVisitStress,
        String scanEveryVisitAfter, String howToTitle, String howToLead, String howToExample, String howToStep1,
        String howToStep2, String noticeTitle, String noticeLead, String noticeSampleTitle, String noticeSample,
        String contact, String trademark) {

    public static PosterWording from(FacilityConfig.Prefecture prefecture) {
        String pref = prefecture.name();
        return new PosterWording(
                "LINE公式アカウント",
                "「" + prefecture.lineAccountName() + "」",
                "もしもの時のサポートサービス",
                "『" + prefecture.serviceName() + "』",
                "この施設、店舗の利用者やイベント等参加者に新型コロナウイルスの感染が確認され、" + pref
                        + "が不特定の方への感染の恐れが高いと判断した場合、LINEメッセージで、その情報をお知らせし、"
                        + "感染拡大防止に向けたお願いなどをご案内します。",
                prefecture.issuer(),
                "こちらを読み取ってください",
                "同じ場所であっても",
                "訪問するたびに",
                "読み取ってください。",
                "QRコード読み取り",
                "スマートフォンでQRコードを読み取ってください。",
                "(例)",
                "① LINEアプリの「ホーム」画面右上のボタンを押す",
                "② 「友だち追加」画面の『QRコード』ボタンを押す",
                "県からお知らせ",
                "必要に応じて対象者にお知らせのメッセージを配信します。",
                "【お知らせ】※イメージ",
                "新型コロナウイルスの感染が判明した方が、あなたが登録した施設を利用又は、イベントに参加していました。"
                        + "あなたが感染しているとは限りませんが、体調管理等に十分に注意し、体調悪化の際は県の相談センターに"
                        + "御連絡願います。",
                "問合せ先：" + prefecture.contactOffice() + "　電話 " + prefecture.contactPhone() + "　時間 "
                        + prefecture.contactHours(),
                "※QRコードは株式会社デンソーウェーブの登録商標です。");
    }
}
