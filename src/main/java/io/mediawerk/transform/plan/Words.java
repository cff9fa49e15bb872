package io.mediawerk.transform.plan;

/** Small helpers for messages. */
final class Words {

    private Words() {}

    /** "a video", "an image", "an audio". */
    static String withArticle(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }
}
