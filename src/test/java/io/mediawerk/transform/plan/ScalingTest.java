package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Picture sizes of video outputs and HLS renditions. */
class ScalingTest {

    private static final FrameSize HD = new FrameSize(1920, 1080);

    @Test
    void oneSideKeepsTheAspectRatioAndSizesAreEven() {
        assertThat(size(HD, Length.pixels(640), null, Fit.CONTAIN)).isEqualTo(new FrameSize(640, 360));
        assertThat(size(HD, null, Length.pixels(101), Fit.CONTAIN)).isEqualTo(new FrameSize(178, 100));
        assertThat(size(HD, Length.percentage(33), null, Fit.CONTAIN)).isEqualTo(new FrameSize(634, 356));
        assertThat(size(new FrameSize(321, 241), null, null, Fit.CONTAIN)).isEqualTo(new FrameSize(320, 240));
        assertThat(size(new FrameSize(3, 3), Length.percentage(1), null, Fit.CONTAIN))
                .isEqualTo(new FrameSize(2, 2));
    }

    @Test
    void aBoxIsFilledAsFitSays() {
        FrameSize input = new FrameSize(320, 240);

        assertThat(size(input, Length.pixels(200), Length.pixels(200), Fit.CONTAIN))
                .isEqualTo(new FrameSize(200, 150));
        assertThat(size(input, Length.pixels(200), Length.pixels(200), Fit.FILL))
                .isEqualTo(new FrameSize(200, 200));
        Frame cover = Scaling.frame(input, Length.pixels(200), Length.pixels(200), Fit.COVER);
        assertThat(cover.size()).isEqualTo(new FrameSize(200, 200));
        assertThat(cover.filters()).containsExactly("crop=240:240:40:0", "scale=200:200,setsar=1");
        assertThat(Scaling.frame(input, Length.pixels(320), Length.pixels(120), Fit.COVER)
                        .filters())
                .containsExactly("crop=320:120:0:60");
        assertThat(Scaling.frame(input, null, null, Fit.COVER).filters()).isEmpty();
    }

    @Test
    void neverBeyond8kAndPixelsMayScaleUp() {
        assertThat(size(HD, Length.pixels(7680), Length.pixels(4320), Fit.FILL)).isEqualTo(new FrameSize(7680, 4320));
        assertThat(size(new FrameSize(1000, 1000), Length.pixels(7680), null, Fit.CONTAIN))
                .isEqualTo(new FrameSize(4320, 4320));
        assertThat(size(new FrameSize(1080, 1920), null, Length.pixels(4320), Fit.CONTAIN))
                .isEqualTo(new FrameSize(2430, 4320));
    }

    @Test
    void hlsLadderFromThePictureNeverUp() {
        assertThat(sizes(HlsLadder.renditions(new FrameSize(3840, 2160))))
                .containsExactly("1920x1080", "1280x720", "854x480", "640x360");
        assertThat(sizes(HlsLadder.renditions(new FrameSize(1280, 720))))
                .containsExactly("1280x720", "854x480", "640x360", "426x240");
        assertThat(sizes(HlsLadder.renditions(new FrameSize(1080, 1920))))
                .containsExactly("1080x1920", "720x1280", "480x854", "360x640");
        assertThat(sizes(HlsLadder.renditions(new FrameSize(1000, 700))))
                .containsExactly("686x480", "514x360", "342x240");
        assertThat(sizes(HlsLadder.renditions(new FrameSize(200, 150)))).containsExactly("200x150");
    }

    private static FrameSize size(FrameSize input, Length width, Length height, String fit) {
        return Scaling.frame(input, width, height, fit).size();
    }

    private static List<String> sizes(List<HlsLadder.Rendition> renditions) {
        return renditions.stream()
                .map(r -> r.size().width() + "x" + r.size().height())
                .toList();
    }
}
