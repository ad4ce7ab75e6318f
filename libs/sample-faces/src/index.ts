// Faces from the sample photos that ship in @vladmandic/face-api, for the demo city and the tests.

export { cameraView, jpegOf, sampleFaces, type FaceBox, type Picture } from './sample-faces';
