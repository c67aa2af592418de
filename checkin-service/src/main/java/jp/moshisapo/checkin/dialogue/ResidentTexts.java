package jp.moshisapo.checkin.dialogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.checkin.history.HistoryEntry;
import jp.moshisapo.protocol.richmenu.MenuItem;

/**
 * Every sentence a resident reads from this service. The consent prompt, the completion message and the how-to
 * are the wording of 「もしサポ岩手」 (seed); the rest is written in the same voice.
 */
@ApplicationScoped
public class ResidentTexts {

    /** Residents read times in Japan time, wherever the service runs. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter VISIT_TIME = DateTimeFormatter.ofPattern("M/d(E) HH:mm", Locale.JAPANESE)
            .withZone(JAPAN);

    /** Seed, 利用方法 ③ 情報取得の同意: the text of the consent screen. */
    public static final String CONSENT =
            "「施設を利用された」・「イベント等に参加された」情報を取得します。情報取得に同意のうえ、お進みください。";
    public static final String AGREE = "同意する";
    public static final String DISAGREE = "同意しない";
    public static final String ERASE = "削除する";
    public static final String KEEP = "削除しない";
    public static final String COMMAND_HISTORY = MenuItem.HISTORY.text();
    public static final String COMMAND_ERASE = MenuItem.ERASE.text();
    public static final String COMMAND_HOW_TO_SCAN = MenuItem.HOW_TO_SCAN.text();
    public static final String COMMAND_CONTACT = MenuItem.CONTACT.text();
    public static final String COMMAND_HELP = "使い方";

    private final String prefecture;
    private final String service;
    private final long consentMinutes;
    private final long historyDays;
    private final String contact;

    @Inject
    public ResidentTexts(CheckinConfig config) {
        this(config.prefectureName(), config.serviceName(), config.consentValidFor(), config.historyRetention(),
                config.contact());
    }

    ResidentTexts(String prefecture, String service, Duration consentValidFor, Duration historyRetention,
            String contact) {
        this.contact = contact.strip();
        this.prefecture = prefecture;
        this.service = service;
        this.consentMinutes = Math.max(1, consentValidFor.toMinutes());
        this.historyDays = historyRetention.toDays();
    }

    public String greeting() {
        return "友だち追加ありがとうございます。\n"
                + "「" + service + "」は、施設やイベント会場などに掲示されたQRコードをLINEアプリで読み取りいただくことで、"
                + "もしも他の利用者等の感染が判明し県が不特定の方への感染の恐れがあると判断した場合に、"
                + "LINEを活用して" + prefecture + "から感染拡大防止に向けたお知らせなどを行うサービスです。";
    }

    /** Seed: 県民のみなさまへ（サービス利用方法）. */
    public String howToUse() {
        return "【利用方法】\n"
                + "①掲示されたQRコードを読み込む\n"
                + "施設ごと、往訪日ごとに読み込んでください。同じ場所であっても訪問するたびに読み取ってください。\n"
                + "②情報取得の同意\n"
                + "「同意する」ボタンを押すと、利用場所・時間が登録されます。\n"
                + "③もしもの際には注意喚起等のお知らせ\n"
                + "お知らせが来ても感染しているとは限りません。症状等が心配の方は県の窓口にご相談ください。";
    }

    public String help() {
        return "施設やイベント会場に掲示されたQRコードを読み取ると、利用場所・時間が登録されます。"
                + "施設ごと、往訪日ごとに読み込んでください。\n"
                + "・「" + COMMAND_HISTORY + "」…直近" + historyDays + "日間の利用履歴を表示します\n"
                + "・「" + COMMAND_ERASE + "」…登録した利用情報を削除します\n"
                + "・「" + COMMAND_HOW_TO_SCAN + "」…QRコードの読み取り方を表示します\n"
                + "・「" + COMMAND_CONTACT + "」…県の問合せ先を表示します\n"
                + "・「" + COMMAND_HELP + "」…この案内を表示します";
    }

    /** Seed, QRコード読み取り: how to open LINE's reader, answered to the rich menu's 「QRコードの読み取り方」. */
    public String howToScan() {
        return "【QRコードの読み取り方】\n"
                + "① LINEアプリの「ホーム」画面右上のボタンを押す\n"
                + "② 「友だち追加」画面の『QRコード』ボタンを押す\n"
                + "③ 施設等に掲示されたQRコードを読み取り、「同意する」ボタンを押す\n"
                + "スマートフォンのQRコードリーダー等で読み取ることもできます（読み取り方法は端末によって異なります）。\n"
                + "同じ場所であっても訪問するたびに読み取ってください。";
    }

    /** Seed, 問合せ先: the prefecture's contact, answered to the rich menu's 「お問い合わせ」. */
    public String contact() {
        return "【お問い合わせ】\n" + contact + "\n"
                + "※症状等が心配の方は、お知らせに記載の受診・相談センターにご相談ください。";
    }

    public String venueScanned(String facilityName, String room) {
        return "「" + facilityName + "（" + room + "）」のQRコードを読み取りました。";
    }

    /** Seed, 利用方法 ④ 読み取り完了: sent once the visit is recorded. */
    public String completed() {
        return "同じ施設等の利用者に新型コロナウイルスの感染が確認され、" + prefecture
                + "が不特定の方への感染の恐れがあると判断した場合には対象者にLINEメッセージでお知らせします。";
    }

    public String alreadyRecorded() {
        return "この読み取りはすでに登録されています。同じ施設等を再び訪問した際は、もう一度QRコードを読み取ってください。";
    }

    public String declined() {
        return "同意いただけなかったため、利用情報は登録していません。登録する場合は、もう一度QRコードを読み取ってください。";
    }

    public String unknownCode() {
        return "このQRコードは登録されていません。施設等に掲示されているQRコードをもう一度読み取ってください。";
    }

    public String revokedCode() {
        return "このQRコードは利用が終了しているため、登録できません。施設等の方に新しいQRコードをご確認ください。";
    }

    public String mistypedCode() {
        return "コードを確認できませんでした。QRコードの下に記載されている文字コード（例：ABCD-EFGH-J）を"
                + "お確かめのうえ、もう一度送信してください。";
    }

    public String staleConsent() {
        return "QRコードの読み取りから" + consentMinutes + "分以上経過したため、登録できませんでした。"
                + "お手数ですが、もう一度QRコードを読み取ってください。";
    }

    public String historyTitle() {
        return "直近" + historyDays + "日間の利用履歴（新しい順）";
    }

    public String historyLine(HistoryEntry entry) {
        return VISIT_TIME.format(entry.visitedAt()) + "　" + entry.facilityName() + "（" + entry.room() + "）";
    }

    public String historyMore(int more) {
        return "ほか" + more + "件";
    }

    public String historyEmpty() {
        return "直近" + historyDays + "日間の利用履歴はありません。";
    }

    public String eraseQuestion() {
        return "登録した利用情報（施設等の利用履歴）をすべて削除します。削除すると、感染の恐れがある場合のお知らせが"
                + "届かなくなります。削除しますか？";
    }

    public String erased() {
        return "利用情報を削除しました。今後も施設等を利用する際は、QRコードを読み取ってください。";
    }

    public String eraseCancelled() {
        return "削除を取りやめました。利用情報はそのまま保存されています。";
    }
}
