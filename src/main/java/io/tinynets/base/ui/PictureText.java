package io.tinynets.base.ui;

import com.vaadin.flow.component.Component;

import java.util.function.LongSupplier;

/**
 * The text alternative of one canvas picture: {@code role="img"} and an {@code aria-label} that says what the picture
 * shows and, when its wrapper knows them, its current key numbers ("Loss. Epoch 120: training 0.23, test 0.25").
 * The numbers change with every snapshot, up to ten times a second; a screen reader needs them far less often, so a
 * new reading reaches the browser at most once a second (the latest one wins; {@link #flush()} sends a held one at
 * once, e.g. when a run ends).
 */
public final class PictureText {

    /** How often changing numbers may reach the browser. */
    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Component picture;
    private final LongSupplier clock;
    private String what;
    private String reading = "";
    private boolean read;
    private long readAt;
    private boolean held;

    /** {@code kindKey}: the translation key of what kind of picture this is, its name until a panel names it. */
    public PictureText(Component picture, String kindKey) {
        this(picture, kindKey, System::nanoTime);
    }

    PictureText(Component picture, String kindKey, LongSupplier clock) {
        this.picture = picture;
        this.clock = clock;
        this.what = picture.getTranslation(kindKey);
        picture.getElement().setAttribute("role", "img");
        send();
    }

    /** Names what the picture shows (usually the title of its panel); sent at once. */
    public void name(String what) {
        if (what != null && !what.isBlank()) {
            this.what = what.strip();
            send();
        }
    }

    public String name() {
        return what;
    }

    /** The picture's current key numbers, already in words; empty for none. Sent at most once a second. */
    public void reading(String reading) {
        String next = reading == null ? "" : reading.strip();
        if (next.equals(this.reading)) {
            return;
        }
        this.reading = next;
        long now = clock.getAsLong();
        if (!read || now - readAt >= INTERVAL_NANOS) {
            read = true;
            readAt = now;
            send();
        } else {
            held = true;
        }
    }

    /** Sends a reading held back by the once-a-second limit. */
    public void flush() {
        if (held) {
            readAt = clock.getAsLong();
            send();
        }
    }

    /** The text the picture carries now. */
    public String label() {
        return picture.getElement().getAttribute("aria-label");
    }

    private void send() {
        String text = reading.isEmpty() ? what : what + ". " + reading;
        picture.getElement().setAttribute("aria-label", text);
        held = false;
    }

    /** Gives every picture among {@code components} and inside them the name {@code what} (a panel's title). */
    public static void nameAll(String what, Component... components) {
        for (Component c : components) {
            if (c instanceof Described d) {
                d.pictureText().name(what);
            }
            c.getChildren().forEach(child -> nameAll(what, child));
        }
    }

    /**
     * Sends the held readings of every picture among {@code components} and inside them: a run that stopped within a
     * second of its last update otherwise leaves its pictures' last numbers unsaid.
     */
    public static void flushAll(Component... components) {
        for (Component c : components) {
            if (c instanceof Described d) {
                d.pictureText().flush();
            }
            c.getChildren().forEach(PictureText::flushAll);
        }
    }

    /** A picture component with a text alternative. */
    public interface Described {
        PictureText pictureText();
    }
}
