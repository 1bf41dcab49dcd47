package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import elemental.json.JsonArray;
import io.tinynets.base.ui.PictureText;

import java.util.Base64;
import java.util.List;

/**
 * Java side of {@code tn-image-grid}: many small grayscale images sent as one base64 byte array (0 paper, 255 ink).
 * Keeps the last images, for tests and to draw them again when the grid is attached again (navigating away and back).
 */
@Tag("tn-image-grid")
@JsModule("./components/image-grid.ts")
class ImageGrid extends Component implements PictureText.Described {

    private final PictureText text = new PictureText(this, "picture.kind.imageGrid");

    @Override
    public PictureText pictureText() {
        return text;
    }

    private int width;
    private int height;
    private int count;
    private int columns;
    private byte[] pixels = new byte[0];
    private JsonArray rowLabels;

    ImageGrid(int cellPixels) {
        getElement().setProperty("cell", cellPixels);
    }

    /** {@code count} images of width × height bytes, row-major, in rows of {@code columns}. */
    void setImages(int width, int height, int count, int columns, byte[] pixels) {
        if (pixels.length != width * height * count) {
            throw new IllegalArgumentException("pixels must hold " + count + " images of " + width + "x" + height
                    + ", got " + pixels.length + " bytes");
        }
        this.width = width;
        this.height = height;
        this.count = count;
        this.columns = columns;
        this.pixels = pixels.clone();
        sendImages();
    }

    void setRowLabels(List<String> labels) {
        rowLabels = LatentPlane.strings(labels);
        getElement().callJsFunction("setRowLabels", rowLabels);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // a re-attached element lost its client state (pending calls are dropped on detach): send it again
        if (!attachEvent.isInitialAttach()) {
            if (rowLabels != null) {
                getElement().callJsFunction("setRowLabels", rowLabels);
            }
            if (count > 0) {
                sendImages();
            }
        }
    }

    private void sendImages() {
        getElement().callJsFunction("setImages", width, height, count, columns,
                Base64.getEncoder().encodeToString(pixels));
    }

    int imageCount() {
        return count;
    }

    int imageWidth() {
        return width;
    }

    int imageHeight() {
        return height;
    }

    /** Byte {@code p} of image {@code i}. */
    int pixel(int i, int p) {
        return pixels[i * width * height + p] & 0xff;
    }
}
